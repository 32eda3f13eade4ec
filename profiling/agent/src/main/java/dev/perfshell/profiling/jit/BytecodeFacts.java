package dev.perfshell.profiling.jit;

import dev.perfshell.profiling.jit.JitEvents.AllocationSite;
import dev.perfshell.profiling.jit.JitEvents.MethodRef;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.CodeSizeEvaluator;

/**
 * What a method's bytecode says that JFR's events do not: its length (the JIT's inlining limits are in bytecode
 * bytes, and the inlining event names the limit's message without the size), and its {@code new} sites (to tell an
 * allocation escape analysis removed from one that stayed).
 */
final class BytecodeFacts {
    /** NEWARRAY's operand (T_BOOLEAN = 4 ... T_LONG = 11) to the array's type. */
    private static final String[] PRIMITIVE_ARRAYS = {
        "", "", "", "", "boolean[]", "char[]", "float[]", "double[]", "byte[]", "short[]", "int[]", "long[]"
    };

    private BytecodeFacts() {}

    /**
     * The method's bytecode length, or empty when the class has no such method. A {@code tableswitch} or
     * {@code lookupswitch} pads to a 4-byte boundary that depends on where it sits; the smallest length is given.
     */
    static OptionalInt length(byte[] classBytes, String name, String descriptor) {
        int[] size = {-1};
        new ClassReader(classBytes)
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String method, String desc, String signature, String[] exceptions) {
                                if (!method.equals(name) || !desc.equals(descriptor)) return null;
                                return new CodeSizeEvaluator(null) {
                                    @Override
                                    public void visitEnd() {
                                        size[0] = getMinSize();
                                    }
                                };
                            }
                        },
                        ClassReader.SKIP_FRAMES);
        return size[0] < 0 ? OptionalInt.empty() : OptionalInt.of(size[0]);
    }

    /** The {@code new} sites of {@code method}, with the source line each is on (-1 without line numbers). */
    static List<AllocationSite> allocations(byte[] classBytes, MethodRef method) {
        List<AllocationSite> sites = new ArrayList<>();
        new ClassReader(classBytes)
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String desc, String signature, String[] exceptions) {
                                if (!name.equals(method.name()) || !desc.equals(method.descriptor())) return null;
                                return new MethodVisitor(Opcodes.ASM9) {
                                    private int line = -1;

                                    @Override
                                    public void visitLineNumber(int number, Label start) {
                                        line = number;
                                    }

                                    @Override
                                    public void visitTypeInsn(int opcode, String type) {
                                        if (opcode == Opcodes.NEW) add(type.replace('/', '.'));
                                        if (opcode == Opcodes.ANEWARRAY)
                                            add(org.objectweb.asm.Type.getObjectType(type)
                                                            .getClassName() + "[]");
                                    }

                                    @Override
                                    public void visitIntInsn(int opcode, int operand) {
                                        if (opcode == Opcodes.NEWARRAY) add(PRIMITIVE_ARRAYS[operand]);
                                    }

                                    @Override
                                    public void visitMultiANewArrayInsn(String descriptor, int dimensions) {
                                        add(org.objectweb.asm.Type.getType(descriptor)
                                                .getClassName());
                                    }

                                    private void add(String type) {
                                        sites.add(new AllocationSite(method, type, line));
                                    }
                                };
                            }
                        },
                        ClassReader.SKIP_FRAMES);
        return sites;
    }
}
