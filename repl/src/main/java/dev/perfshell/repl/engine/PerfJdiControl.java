package dev.perfshell.repl.engine;

import com.sun.jdi.BooleanValue;
import dev.perfshell.engine.EngineProtocol;
import dev.perfshell.engine.ReplyStream;
import com.sun.jdi.ClassNotLoadedException;
import com.sun.jdi.Field;
import com.sun.jdi.IncompatibleThreadStateException;
import com.sun.jdi.InvalidTypeException;
import com.sun.jdi.ObjectReference;
import com.sun.jdi.StackFrame;
import com.sun.jdi.ThreadReference;
import com.sun.jdi.VMDisconnectedException;
import com.sun.jdi.VirtualMachine;
import jdk.jshell.execution.JdiExecutionControl;

import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.util.Set;

/**
 * The front end's half of our engine, built from the exported {@code jdk.jshell.execution} API.
 * Unlike the stock control it also treats extension commands as user code, so Ctrl-C stops a
 * snippet that a magic runs, and it keeps the engine {@link Process} (exit code, hard kill).
 */
final class PerfJdiControl extends JdiExecutionControl {
    /** Agent methods under which user code may run: JShell's own, and our extension commands. */
    private static final Set<String> USER_CODE_FRAMES = Set.of("invoke", "varValue", "extensionCommand");

    private final Object stopLock = new Object();
    private final String agentClass;
    private VirtualMachine vm;
    private Process process;
    private boolean userCodeRunning;
    /**
     * Ctrl-C came during this input: user code it would still start is refused, so a Ctrl-C typed while a
     * magic prepares (weaving probes, compiling, starting JFR) is not lost. The engine holds the same flag,
     * for the user code of extension commands. Cleared by {@link #beginInput()}.
     */
    private volatile boolean interrupted;
    /** User code was refused or stopped since {@link #takeStopped()} last asked. */
    private volatile boolean stopped;
    /**
     * The exact current bytes of every class JShell defined or redefined in the engine, by binary name.
     * %prun and %lprun weave their probes from these: JShell redefines over JDI from here, so the engine
     * cannot see those bytes without a transformer, and a transformer registered for the engine's whole
     * life costs every class load a copy of its bytes (enough, under an exhausted heap, to lose an
     * OutOfMemoryError's stack trace).
     */
    private final SessionClassFiles classFiles = new SessionClassFiles();

    PerfJdiControl(ObjectOutput out, ObjectInput in, VirtualMachine vm, Process process, String agentClass) {
        super(out, in);
        this.vm = vm;
        this.process = process;
        this.agentClass = agentClass;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(classes);
        record(classes);
    }

    @Override
    public void redefine(ClassBytecodes[] classes) throws ClassInstallException, EngineTerminationException {
        super.redefine(classes);
        record(classes);
    }

    private void record(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) classFiles.record(c.name(), c.bytecodes());
    }

    /** The session classes' current bytes that the engine has not been sent yet (see {@link SessionClassFiles}). */
    java.util.HashMap<String, byte[]> classBytesToSend() {
        return classFiles.unsent();
    }

    /** Forgets a dropped snippet's classes: its wrapper {@code binaryName} and the classes nested in it. */
    void forget(String binaryName) {
        classFiles.forget(binaryName);
    }

    synchronized Process process() {
        return process;
    }

    @Override
    public String invoke(String className, String methodName) throws RunException, EngineTerminationException, InternalException {
        if (interrupted) {
            stopped = true;
            throw new StoppedException(); // as if stopped at its first instruction
        }
        running(true);
        try {
            return super.invoke(className, methodName);
        } catch (StoppedException e) {
            stopped = true;
            throw e;
        } finally {
            running(false);
        }
    }

    @Override
    public String varValue(String className, String varName) throws RunException, EngineTerminationException, InternalException {
        running(true);
        try {
            return super.varValue(className, varName);
        } finally {
            running(false);
        }
    }

    @Override
    public Object extensionCommand(String command, Object arg) throws RunException, EngineTerminationException, InternalException {
        running(true);
        try {
            Object reply = super.extensionCommand(command, arg);
            return reply instanceof ReplyStream.Envelope envelope ? envelope.value() : reply;
        } catch (StoppedException e) {
            stopped = true;
            throw e;
        } finally {
            running(false);
        }
    }

    private void running(boolean value) {
        synchronized (stopLock) {
            userCodeRunning = value;
        }
    }

    /**
     * Ctrl-C: stops the user code that runs, and refuses what this input would still start (see
     * {@link #interrupted}).
     */
    void interrupt() throws EngineTerminationException, InternalException {
        interrupted = true;
        engineInterrupted(true); // first: a command may be on its way to the engine right now
        stop();
    }

    /** A new input: a Ctrl-C of the last one no longer counts. */
    void beginInput() {
        if (!interrupted) return;
        interrupted = false;
        engineInterrupted(false);
    }

    /** Whether user code was refused or stopped since the last call; clears it. */
    boolean takeStopped() {
        boolean was = stopped;
        stopped = false;
        return was;
    }

    /**
     * Sets the engine's flag over JDI: a static field, reachable at any moment, even while a command is still
     * on the wire and no frame of the agent exists yet.
     */
    private void engineInterrupted(boolean value) {
        try {
            VirtualMachine target = vm();
            java.util.List<com.sun.jdi.ReferenceType> types = target.classesByName(agentClass);
            if (types.isEmpty() || !(types.get(0) instanceof com.sun.jdi.ClassType agent)) return;
            agent.setValue(agent.fieldByName(EngineProtocol.INTERRUPTED_FIELD), target.mirrorOf(value));
        } catch (InvalidTypeException | ClassNotLoadedException | EngineTerminationException | RuntimeException engineGone) {
            // a dead engine runs nothing: the shell reports its death
        }
    }

    /**
     * Throws the agent's stop exception into the thread that runs user code, the way JShell's own
     * control does, but also when that code runs inside one of our extension commands.
     */
    @Override
    public void stop() throws EngineTerminationException, InternalException {
        synchronized (stopLock) {
            if (!userCodeRunning) return;
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
    public void close() {
        super.close();
        Process engine = process();
        if (engine != null) {
            try {
                engine.waitFor(1, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dispose();
    }

    synchronized void dispose() {
        try {
            if (vm != null) vm.dispose();
        } catch (VMDisconnectedException alreadyGone) {
            // the engine died first: nothing to dispose
        } finally {
            vm = null;
            if (process != null) process.destroy();
        }
    }

    @Override
    protected synchronized VirtualMachine vm() throws EngineTerminationException {
        if (vm == null) throw new EngineTerminationException("VM closed");
        return vm;
    }
}
