package dev.perfshell.profiling.probe;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.AdviceAdapter;

/**
 * What every woven method gets: {@code Probes.<enter>(id)} at entry (after {@code super(…)} in a constructor),
 * {@code Probes.<exit>(id)} before every return and in a catch-all handler that rethrows, so an exception
 * never leaves the frame open. The handler is added last, so the method's own handlers come first in the
 * exception table.
 */
abstract class FrameAdvice extends AdviceAdapter {
    static final String PROBES = Probes.class.getName().replace('.', '/');

    final int id;
    private final String enter;
    private final String exit;
    private final Label bodyStart = new Label();

    FrameAdvice(MethodVisitor next, int access, String name, String descriptor, int id, String enter, String exit) {
        super(Opcodes.ASM9, next, access, name, descriptor);
        this.id = id;
        this.enter = enter;
        this.exit = exit;
    }

    /** {@code Probes.<probe>(id)}, straight to the next visitor (never through this adapter's own hooks). */
    final void probe(String probe, int argument) {
        push(argument);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, PROBES, probe, "(I)V", false);
    }

    @Override
    protected void onMethodEnter() {
        enterProbe();
        mv.visitLabel(bodyStart);
    }

    @Override
    protected void onMethodExit(int opcode) {
        if (opcode == Opcodes.ATHROW) return; // the catch-all handler closes the frame, once
        exitProbe();
    }

    /** The entry probe, before the body (and before the catch-all handler's range). */
    void enterProbe() {
        probe(enter, id);
    }

    /** The exit probe, before every return and in the catch-all handler. */
    void exitProbe() {
        probe(exit, id);
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        Label handler = new Label();
        mv.visitTryCatchBlock(bodyStart, handler, handler, null);
        mv.visitLabel(handler);
        exitProbe();
        mv.visitInsn(Opcodes.ATHROW);
        super.visitMaxs(maxStack, maxLocals);
    }
}
