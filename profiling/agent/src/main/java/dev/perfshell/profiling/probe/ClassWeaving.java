package dev.perfshell.profiling.probe;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * How %prun's and %lprun's weavers rewrite a class: every method with a body is offered to an {@link Advisor},
 * and the frames are computed again against the class's own loader. Kept in one place so that both weavers
 * compute frames against the session's classes and never offer a method without code.
 */
final class ClassWeaving {
    /** Wraps a method's visitor in probes, or returns {@code next} to leave the method as it is. */
    interface Advisor {
        MethodVisitor advise(MethodVisitor next, int access, String name, String descriptor);
    }

    private ClassWeaving() {}

    static byte[] weave(ClassReader reader, ClassLoader loader, Advisor advisor) {
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return loader; // frames are computed against the session's classes
            }
        };
        reader.accept(
                new ClassVisitor(Opcodes.ASM9, writer) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) return next;
                        return advisor.advise(next, access, name, descriptor);
                    }
                },
                ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }
}
