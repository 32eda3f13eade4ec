package dev.perfshell.repl.link;

import dev.perfshell.engine.EngineAgent;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import jdk.jshell.spi.ExecutionControl;

/**
 * One engine JVM and the JShell instance that drives it.
 *
 * <p>Every call that uses the command stream (eval, drop, var values, extension commands) holds
 * one lock: overlapping calls corrupt the stream and close the session (jshell-engine.md Q2).
 * Only {@link #stop()} and {@link #interrupt()} may be called from another thread (Ctrl-C); they use the control
 * connection (or JDI), not the command stream.
 */
public final class Engine implements AutoCloseable {
    private final JShell jshell;
    private final EngineControlProvider provider;
    private final List<String> vmOptions;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean dead;
    private volatile boolean stopRequested;
    private final SnippetIds ids;

    private Engine(JShell jshell, EngineControlProvider provider, List<String> vmOptions, SnippetIds ids) {
        this.ids = ids;
        this.jshell = jshell;
        this.provider = provider;
        this.vmOptions = vmOptions;
    }

    /**
     * Launches an engine JVM; user output streams to {@code out}/{@code err} as it is printed.
     * {@code tempNames} names expression values ({@code $1}…); the session owns it so numbering
     * goes on across engine restarts.
     */
    public static Engine start(
            EngineSpec spec,
            InputStream in,
            PrintStream out,
            PrintStream err,
            java.util.function.Supplier<String> tempNames) {
        Path jar = EngineJar.locate();
        List<String> vmOptions = EngineCommandLine.vmOptions(spec, jar);
        boolean[] died = new boolean[1];
        EngineControlProvider provider = new EngineControlProvider(
                EngineAgent.class.getName(),
                spec.javaLauncher(),
                spec.feature(),
                spec.connectTimeout(),
                why -> died[0] = true);
        SnippetIds ids = new SnippetIds();
        JShell.Builder builder = JShell.builder()
                .idGenerator(ids)
                .tempVariableNameGenerator(tempNames)
                .in(in)
                .out(out)
                .err(err)
                .executionEngine(provider, java.util.Map.of())
                .remoteVMOptions(vmOptions.toArray(String[]::new))
                .compilerOptions(EngineCommandLine.compilerOptions(spec).toArray(String[]::new));
        JShell jshell = buildWithClassPath(builder, jar.toString());
        // javac's file manager reads java.class.path only at the first compile, after the swap;
        // an explicit class path (what addToClasspath sets) pins it to the engine's.
        jshell.addToClasspath(jar.toString());
        Engine engine = new Engine(jshell, provider, vmOptions, ids);
        jshell.onShutdown(js -> engine.dead = true);
        if (died[0]) engine.dead = true;
        for (String entry : spec.classPath()) jshell.addToClasspath(entry);
        return engine;
    }

    /**
     * JShell compiles snippets against the front JVM's {@code java.class.path}, read once while
     * building. Point it at the engine's class path meanwhile, so snippets see exactly what the
     * engine has and never the shell's own libraries (jshell-engine.md Q3).
     */
    private static JShell buildWithClassPath(JShell.Builder builder, String engineClassPath) {
        synchronized (System.class) {
            String own = System.getProperty("java.class.path");
            System.setProperty("java.class.path", engineClassPath);
            try {
                return builder.build();
            } finally {
                System.setProperty("java.class.path", own);
            }
        }
    }

    /** The JShell state: snippets, source analysis. Its engine calls must go through this class. */
    public JShell jshell() {
        return jshell;
    }

    public List<String> vmOptions() {
        return vmOptions;
    }

    /** Evaluates the startup snippets (default imports): their ids are s1, s2… as in jshell. */
    public void startup(List<String> sources) {
        ids.startup(true);
        try {
            for (String source : sources) eval(source);
        } finally {
            ids.startup(false);
        }
    }

    /** Evaluates one snippet. The engine may be dead afterwards: check {@link #alive()}. */
    public List<SnippetEvent> eval(String source) {
        lock.lock();
        EngineControl control = provider.control();
        try {
            beginCall(control);
            return jshell.eval(source);
        } finally {
            endCall(control);
            lock.unlock();
        }
    }

    public List<SnippetEvent> drop(jdk.jshell.Snippet snippet) {
        lock.lock();
        try {
            return jshell.drop(snippet);
        } finally {
            lock.unlock();
        }
    }

    public String varValue(jdk.jshell.VarSnippet variable) {
        lock.lock();
        try {
            return jshell.varValue(variable);
        } finally {
            lock.unlock();
        }
    }

    public void addToClasspath(String entry) {
        lock.lock();
        try {
            jshell.addToClasspath(entry);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs one engine extension command and returns its JDK-typed reply.
     *
     * @throws EngineException when the engine refuses or fails the command, or is gone
     */
    public Object command(String name, Object argument) throws EngineException {
        lock.lock();
        EngineControl control = provider.control();
        try {
            beginCall(control);
            if (control == null || dead) throw new EngineException("the engine is not running");
            return control.extensionCommand(name, argument);
        } catch (ExecutionControl.UserException e) {
            throw new EngineException(e.causeExceptionClass() + ": " + e.getMessage(), e);
        } catch (ExecutionControl.ExecutionControlException e) {
            throw new EngineException(e.getMessage(), e);
        } finally {
            endCall(control);
            lock.unlock();
        }
    }

    private void beginCall(EngineControl control) {
        stopRequested = false;
        if (control != null) control.takeStopped();
    }

    /** A call whose user code was stopped, or refused after a Ctrl-C ({@link #interrupt()}), was stopped. */
    private void endCall(EngineControl control) {
        if (control != null && control.takeStopped()) stopRequested = true;
    }

    /** Stops the running snippet, from any thread (Ctrl-C). */
    public void stop() {
        stopRequested = true;
        if (dead) return;
        try {
            jshell.stop();
        } catch (RuntimeException engineGone) {
            // the engine died meanwhile (e.g. VMDisconnectedException): the shell reports the death
        }
    }

    /**
     * Ctrl-C: stops the running snippet, and refuses any user code this input would still start (a Ctrl-C
     * typed while a magic prepares would otherwise be lost, and its statement run on), until
     * {@link #beginInput()}.
     */
    public void interrupt() {
        stopRequested = true;
        EngineControl control = provider.control();
        if (dead || control == null) return;
        try {
            control.interrupt();
        } catch (ExecutionControl.ExecutionControlException | RuntimeException engineGone) {
            // the engine died meanwhile: the shell reports the death
        }
    }

    /** The shell starts a new input: the last one's Ctrl-C no longer counts. */
    public void beginInput() {
        lock.lock(); // clearing the engine's flag is a command: never while another one runs
        try {
            EngineControl control = provider.control();
            if (control != null && !dead) control.beginInput();
        } finally {
            lock.unlock();
        }
    }

    /**
     * True when the last eval or command ended because {@link #stop()} was called, or its user code was
     * refused after a Ctrl-C.
     */
    public boolean wasStopped() {
        return stopRequested;
    }

    /**
     * Whether the engine process still runs. {@link Process#isAlive()} alone lags: it turns false only once
     * the JDK's reaper thread has recorded the exit, a moment after the process is gone, and on a loaded
     * machine an input typed in that moment was sent to the dead engine and blamed for its death (seen in
     * CI after a kill -9). The process handle asks the operating system instead.
     */
    public boolean alive() {
        return !dead
                && process().map(p -> p.isAlive() && p.toHandle().isAlive()).orElse(false);
    }

    /**
     * The exact current bytes of the session classes the engine does not have yet, by binary name (the
     * profilers weave their probes from these; the engine keeps what it was sent).
     */
    public java.util.HashMap<String, byte[]> classBytesToSend() {
        EngineControl control = provider.control();
        return control == null ? new java.util.HashMap<>() : control.classBytesToSend();
    }

    /** Forgets the class bytes of a dropped snippet perfshell declared for itself (no profiler will weave it). */
    public void forgetClasses(jdk.jshell.Snippet snippet) {
        EngineControl control = provider.control();
        if (control == null) return;
        try {
            control.forget(jshell.sourceCodeAnalysis().wrapper(snippet).fullClassName());
        } catch (RuntimeException noWrapper) {
            // a rejected snippet has no class
        }
    }

    public java.util.Optional<Process> process() {
        EngineControl control = provider.control();
        return java.util.Optional.ofNullable(control == null ? null : control.process());
    }

    /** How the engine ended; waits briefly for the exit code to be known. */
    public EngineDeath death() {
        return process()
                .map(p -> {
                    try {
                        if (p.waitFor(2, TimeUnit.SECONDS)) return new EngineDeath(p.exitValue());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return new EngineDeath(-1);
                })
                .orElse(new EngineDeath(-1));
    }

    /** Ends the engine at once, for snippets that ignore Ctrl-C. */
    public void kill() {
        process().ifPresent(Process::destroyForcibly);
    }

    @Override
    public void close() {
        dead = true;
        try {
            jshell.close();
        } catch (RuntimeException alreadyClosed) {
            // closing a session whose engine died is fine
        }
        kill();
    }
}
