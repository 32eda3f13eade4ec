package dev.perfshell.repl.link;

import com.sun.jdi.BooleanValue;
import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import dev.perfshell.engine.EngineProtocol;
import java.util.Set;
import jdk.jshell.spi.ExecutionControl.EngineTerminationException;
import jdk.jshell.spi.ExecutionControl.InternalException;

/**
 * Ctrl-C over JDI, for engine JDKs (20+) that have no {@code Thread.stop}: throws the agent's stop exception into
 * the thread that runs user code, the way JShell's own control does, but also when that code runs inside one of
 * our extension commands.
 */
final class JdiStop implements EngineStop {
    /** Agent methods under which user code may run: JShell's own, and our extension commands. */
    private static final Set<String> USER_CODE_FRAMES = Set.of("invoke", "varValue", "extensionCommand");

    private final String agentClass;
    private VirtualMachine vm;

    JdiStop(VirtualMachine vm, String agentClass) {
        this.vm = vm;
        this.agentClass = agentClass;
    }

    /**
     * Sets the engine's flag over JDI: a static field, reachable at any moment, even while a command is still
     * on the wire and no frame of the agent exists yet.
     */
    @Override
    public void interrupt() {
        try {
            VirtualMachine target = vm();
            java.util.List<com.sun.jdi.ReferenceType> types = target.classesByName(agentClass);
            if (types.isEmpty() || !(types.get(0) instanceof com.sun.jdi.ClassType agent)) return;
            agent.setValue(agent.fieldByName(EngineProtocol.INTERRUPTED_FIELD), target.mirrorOf(true));
        } catch (InvalidTypeException
                | ClassNotLoadedException
                | EngineTerminationException
                | RuntimeException engineGone) {
            // a dead engine runs nothing: the shell reports its death
        }
    }

    @Override
    public void stopUserCode() throws EngineTerminationException, InternalException {
        VirtualMachine target = vm();
        target.suspend();
        try {
            for (ThreadReference thread : target.allThreads()) {
                if (stopIn(target, thread)) break;
            }
        } catch (ClassNotLoadedException | IncompatibleThreadStateException | InvalidTypeException e) {
            throw new InternalException("Exception on remote stop: " + e);
        } finally {
            target.resume();
        }
    }

    private boolean stopIn(VirtualMachine target, ThreadReference thread)
            throws IncompatibleThreadStateException, InvalidTypeException, ClassNotLoadedException {
        for (StackFrame frame : thread.frames()) {
            if (!agentClass.equals(frame.location().declaringType().name())
                    || !USER_CODE_FRAMES.contains(frame.location().method().name())) continue;
            ObjectReference agent = frame.thisObject();
            Field inClientCode = agent.referenceType().fieldByName("inClientCode");
            Field expectingStop = agent.referenceType().fieldByName("expectingStop");
            Field stopException = agent.referenceType().fieldByName("stopException");
            if (((BooleanValue) agent.getValue(inClientCode)).value()) {
                agent.setValue(expectingStop, target.mirrorOf(true));
                ObjectReference stop = (ObjectReference) agent.getValue(stopException);
                target.resume();
                thread.stop(stop);
                agent.setValue(expectingStop, target.mirrorOf(false));
            }
            return true;
        }
        return false;
    }

    @Override
    public synchronized void dispose() {
        try {
            if (vm != null) vm.dispose();
        } catch (VMDisconnectedException alreadyGone) {
            // the engine died first: nothing to dispose
        } finally {
            vm = null;
        }
    }

    private synchronized VirtualMachine vm() throws EngineTerminationException {
        if (vm == null) throw new EngineTerminationException("VM closed");
        return vm;
    }
}
