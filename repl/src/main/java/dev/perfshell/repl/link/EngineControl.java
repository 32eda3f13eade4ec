package dev.perfshell.repl.link;

import dev.perfshell.engine.ReplyStream;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import jdk.jshell.execution.StreamingExecutionControl;

/**
 * The front end's half of our engine, built from the exported {@code jdk.jshell.execution} API: JShell's command
 * stream, plus Ctrl-C the way {@link EngineStop} reaches the engine (without JDWP on engine JDKs 17-19). Unlike the
 * stock control it also treats extension commands as user code, so Ctrl-C stops a snippet that a magic runs, and it
 * keeps the engine {@link Process} (exit code, hard kill). Redefinitions go to the engine, which does them itself.
 */
final class EngineControl extends StreamingExecutionControl {
    private final Object stopLock = new Object();
    private final EngineStop engineStop;
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
     * %prun and %lprun weave their probes from these: the engine's class loader keeps no bytes a weaver could
     * read, and a transformer registered for the engine's whole life costs every class load a copy of its bytes
     * (enough, under an exhausted heap, to lose an OutOfMemoryError's stack trace).
     */
    private final SessionClassFiles classFiles = new SessionClassFiles();

    EngineControl(ObjectOutput out, ObjectInput in, EngineStop engineStop, Process process) {
        super(out, in);
        this.engineStop = engineStop;
        this.process = process;
    }

    @Override
    public void load(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(classes);
        record(classes);
    }

    @Override
    public void redefine(ClassBytecodes[] classes)
            throws ClassInstallException, NotImplementedException, EngineTerminationException {
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
    public String invoke(String className, String methodName)
            throws RunException, EngineTerminationException, InternalException {
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
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        running(true);
        try {
            return super.varValue(className, varName);
        } finally {
            running(false);
        }
    }

    @Override
    public Object extensionCommand(String command, Object arg)
            throws RunException, EngineTerminationException, InternalException {
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
        engineStop.interrupt(); // first: a command may be on its way to the engine right now
        stop();
    }

    /**
     * A new input: a Ctrl-C of the last one no longer counts. The engine's flag is cleared with a command, so no
     * command of the new input can overtake it. The caller holds the engine's lock.
     */
    void beginInput() {
        if (!interrupted) return;
        interrupted = false;
        try {
            super.extensionCommand(dev.perfshell.engine.EngineProtocol.NEW_INPUT, null);
        } catch (RunException | EngineTerminationException | InternalException engineGone) {
            // a dead engine runs nothing: the shell reports its death
        }
    }

    /** Whether user code was refused or stopped since the last call; clears it. */
    boolean takeStopped() {
        boolean was = stopped;
        stopped = false;
        return was;
    }

    /** Stops the user code that runs in the engine, if a command runs user code now. */
    @Override
    public void stop() throws EngineTerminationException, InternalException {
        synchronized (stopLock) {
            if (userCodeRunning) engineStop.stopUserCode();
        }
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
            engineStop.dispose();
        } finally {
            if (process != null) process.destroy();
        }
    }
}
