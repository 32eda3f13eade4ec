package dev.perfshell.profiling.probe;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Weaves %prun's probes into a class's bytes with ASM: {@code Probes.enter(id)} at every method's entry
 * (after {@code super(…)} in a constructor), {@code Probes.exit(id)} before every return and in a
 * catch-all handler that rethrows (so an exception never leaves a frame open), and, when asked,
 * {@code Probes.boundary(id)} before every call to a method of a class that is not woven. No field or
 * method is added: redefinition may only change method bodies (jshell-engine.md Q4).
 */
final class ProbeWeaver {
    private final MethodTable methods;
    private final Predicate<String> woven;
    private final boolean boundaries;
    private final boolean timeBoundaries;
    private final boolean counting;

    /**
     * @param woven      whether a class (internal name) is woven in this profile: calls into it are not boundaries
     * @param boundaries count calls out of woven code
     */
    ProbeWeaver(MethodTable methods, Predicate<String> woven, boolean boundaries) {
        this(methods, woven, boundaries, false);
    }

    /**
     * @param timeBoundaries time calls out of woven code with an entry/exit pair around the call (--time-boundary)
     *                       instead of counting them; an exception out of the callee leaves its frame to the
     *                       caller's exit probe, which closes it
     */
    ProbeWeaver(MethodTable methods, Predicate<String> woven, boolean boundaries, boolean timeBoundaries) {
        this(methods, woven, boundaries, timeBoundaries, false);
    }

    /**
     * @param counting weave --counts' probes: {@code Probes.countEnter(id)} returns the caller, which the method
     *                 keeps in a local of its own and hands back to {@code Probes.countExit(id, caller)}, so the
     *                 probes need no frame stack (half the cost per call) and the caller can never drift
     */
    ProbeWeaver(
            MethodTable methods,
            Predicate<String> woven,
            boolean boundaries,
            boolean timeBoundaries,
            boolean counting) {
        this.methods = methods;
        this.woven = woven;
        this.boundaries = boundaries;
        this.timeBoundaries = timeBoundaries && !counting;
        this.counting = counting;
    }

    byte[] weave(byte[] original, ClassLoader loader) {
        ClassReader reader = new ClassReader(original);
        Map<String, Integer> firstLines = firstLines(reader);
        String owner = reader.getClassName();
        return ClassWeaving.weave(reader, loader, (next, access, name, descriptor) -> {
            if (name.equals("<clinit>")) return next;
            int id = methods.id(owner, name, descriptor, firstLines.getOrDefault(name + descriptor, -1), false);
            return new Advice(next, access, name, descriptor, id);
        });
    }

    /** Each method's first line number, for its location. */
    private static Map<String, Integer> firstLines(ClassReader reader) {
        Map<String, Integer> lines = new HashMap<>();
        reader.accept(
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public MethodVisitor visitMethod(
                            int access, String name, String descriptor, String signature, String[] exceptions) {
                        String key = name + descriptor;
                        return new MethodVisitor(Opcodes.ASM9) {
                            @Override
                            public void visitLineNumber(int line, Label start) {
                                lines.merge(key, line, Math::min);
                            }
                        };
                    }
                },
                ClassReader.SKIP_FRAMES);
        return lines;
    }

    /** A profiled method: entry and exit probes, and probes around its calls out of profiled code. */
    private final class Advice extends FrameAdvice {
        private int callerLocal;

        Advice(MethodVisitor next, int access, String name, String descriptor, int id) {
            super(next, access, name, descriptor, id, "enter", "exit");
        }

        @Override
        void enterProbe() {
            if (!counting) {
                super.enterProbe();
                return;
            }
            push(id);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, "countEnter", "(I)I", false);
            callerLocal = newLocal(Type.INT_TYPE);
            storeLocal(callerLocal);
        }

        @Override
        void exitProbe() {
            if (!counting) {
                super.exitProbe();
                return;
            }
            push(id);
            loadLocal(callerLocal);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, "countExit", "(II)V", false);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (!boundaries || woven.test(owner) || owner.equals(PROBES)) {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                return;
            }
            int callee = methods.id(owner, name, descriptor, -1, true);
            probe(timeBoundaries ? "enter" : "boundary", callee);
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            if (timeBoundaries) probe("exit", callee);
        }
    }
}
