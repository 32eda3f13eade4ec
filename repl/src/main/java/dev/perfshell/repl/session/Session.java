package dev.perfshell.repl.session;

import dev.perfshell.repl.link.Engine;
import dev.perfshell.repl.link.EngineConnectTimeout;
import dev.perfshell.repl.link.EngineDeath;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.link.EngineSpec;
import dev.perfshell.timing.runtime.BlackholeCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * The user's session: the engine that runs it, the log that outlives the engine, and the
 * recovery that replays the log into a new engine when the old one dies.
 */
public final class Session implements AutoCloseable {
    private final java.util.List<Runnable> stopHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final EngineIo io;
    private final OutputGate gate = new OutputGate();
    private final OutputCap outputCap;
    private final java.io.PrintStream engineOut;
    private final java.io.PrintStream engineErr;
    private EngineSpec spec;
    private CompletableFuture<Engine> starting;
    /** Ctrl-C came during the current input (see {@link #interrupt()}). */
    private volatile boolean inputInterrupted;

    private final SnippetLog log = new SnippetLog();
    private final ValueWidth valueWidth = new ValueWidth();
    private BlackholeCheck blackhole;
    private final java.util.concurrent.atomic.AtomicInteger temps = new java.util.concurrent.atomic.AtomicInteger();
    /** What %maven and //DEPS added; its resolver is made on first use only. */
    private final dev.perfshell.repl.maven.MavenArtifacts maven = new dev.perfshell.repl.maven.MavenArtifacts();

    /**
     * @param prepareTiming timings are coming (a script with %timeit, a --fresh copy): the engine starts its JIT
     *                      watch and blackhole self-check at once, overlapping the session's start and first
     *                      inputs, instead of in an idle second that a busy engine never gets
     */
    private Session(EngineSpec spec, EngineIo io, OutputCap outputCap, boolean prepareTiming) {
        this.spec = spec;
        this.io = io;
        this.outputCap = outputCap;
        // muted replay output never counts against the cap
        this.engineOut = gate.wrap(outputCap.wrap(io.out()));
        this.engineErr = gate.wrap(outputCap.wrap(io.err()));
        this.starting = CompletableFuture.supplyAsync(() -> boot(spec, prepareTiming));
    }

    /** Starts the engine in the background: the shell builds its terminal meanwhile. */
    public static Session start(EngineSpec spec, EngineIo io) {
        return start(spec, io, false);
    }

    /** @param prepareTiming see {@link #Session(EngineSpec, EngineIo, OutputCap, boolean)} */
    public static Session start(EngineSpec spec, EngineIo io, boolean prepareTiming) {
        return new Session(spec, io, new OutputCap(OutputCap.DEFAULT_LIMIT), prepareTiming);
    }

    private Engine boot(EngineSpec with) {
        return boot(with, false);
    }

    private Engine boot(EngineSpec with, boolean prepareTiming) {
        Engine engine = Engine.start(with, io.in(), engineOut, engineErr, () -> "$" + temps.incrementAndGet());
        if (prepareTiming) {
            try {
                engine.command(EngineRequest.prepareTiming().command(), null);
            } catch (EngineException notPrepared) {
                // the first %timeit prepares them itself
            }
        }
        engine.startup(Startup.DEFAULT_IMPORTS);
        return engine;
    }

    /** The running engine, waiting for it to finish starting. */
    public Engine engine() {
        try {
            return starting.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            EngineConnectTimeout timeout = connectTimeoutIn(cause);
            if (timeout != null) throw new EngineStartException(connectTimeoutLine(timeout), cause);
            String why = cause.getMessage() == null
                    ? cause.toString()
                    : cause.getMessage().strip();
            throw new EngineStartException(
                    "the engine did not start: " + why.replace("Launching JShell execution engine threw: ", "")
                            + "\nNext: check the -R/--engine-option values and --engine-jdk (perfshell --help).",
                    cause);
        }
    }

    private static EngineConnectTimeout connectTimeoutIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof EngineConnectTimeout timeout) return timeout;
        }
        return null;
    }

    /** One line: which JVM, with which of the user's options, and what to try. */
    private String connectTimeoutLine(EngineConnectTimeout timeout) {
        String java = spec.javaLauncher().toString();
        return timeout.getMessage() + " (" + java
                + (spec.engineOptions().isEmpty()
                        ? ", no -R options"
                        : ", -R options: " + String.join(" ", spec.engineOptions()))
                + ")"
                + ". Next: check that '" + java + " -version' starts; on a slow machine set PERFSHELL_ENGINE_TIMEOUT"
                + " to more seconds (now " + timeout.timeout().toSeconds() + ").";
    }

    /** The cap on the engine's output per input; the shell opens and closes each input's budget. */
    /** How much of a value its echo keeps ({@code /set truncation}). */
    public ValueWidth valueWidth() {
        return valueWidth;
    }

    public OutputCap outputCap() {
        return outputCap;
    }

    public EngineSpec spec() {
        return spec;
    }

    public SnippetLog log() {
        return log;
    }

    /** The artifacts %maven and //DEPS added to this session (their jars are also in {@link #spec()}'s class path). */
    public dev.perfshell.repl.maven.MavenArtifacts maven() {
        return maven;
    }

    /** Evaluates one user snippet and records it for history and replay. */
    public EvalOutcome eval(String source) {
        Engine engine = engine();
        long start = System.nanoTime();
        List<SnippetEvent> events = engine.eval(source);
        long nanos = System.nanoTime() - start;
        boolean died = !engine.alive();
        boolean stopped = engine.wasStopped() && !died;
        log.record(source, events);
        List<jdk.jshell.Diag> overLimit = overClassFileLimits(engine, events);
        if (!overLimit.isEmpty()) {
            log.dropped(events.get(0).snippet());
            engine.close();
            return new EvalOutcome(source, events, false, false, nanos, overLimit, restartAndReplay(null));
        }
        if (died || stopped || threw(events)) log.excludeFromReplay(events);
        return new EvalOutcome(source, events, stopped, died, nanos);
    }

    /**
     * javac's errors when the snippet could be attributed but not written as a class (a string
     * constant over 64 KiB, a method over 64 KiB of code): JShell keeps it "recoverable", and every
     * later snippet's class then fails with the same error, even after a drop (checked on JDK 17:
     * jshell itself loses the session that way). Empty for every other snippet.
     */
    private static List<jdk.jshell.Diag> overClassFileLimits(Engine engine, List<SnippetEvent> events) {
        if (events.isEmpty()
                || events.get(0).causeSnippet() != null
                || !events.get(0).status().isActive()) return List.of();
        List<jdk.jshell.Diag> errors = engine.jshell()
                .diagnostics(events.get(0).snippet())
                .filter(jdk.jshell.Diag::isError)
                .toList();
        boolean overLimit = errors.stream()
                .anyMatch(diag -> CLASS_FILE_LIMITS
                        .matcher(diag.getMessage(java.util.Locale.ROOT))
                        .find());
        return overLimit ? errors : List.of();
    }

    private static final java.util.regex.Pattern CLASS_FILE_LIMITS = java.util.regex.Pattern.compile(
            "constant string too long|too long for the constant pool|code too large|too many constants");

    /**
     * Drops the {@code $N} variable an expression of this outcome made, if any, keeping the expression in
     * replay for its side effects. The profilers run their statement for its profile, not its value (as
     * IPython's do), and every {@code $N} left behind would be imported by each later snippet: JShell keeps
     * a copy of that import list per snippet, so a day of profiling grew the shell's heap quadratically.
     */
    public void discardValue(EvalOutcome outcome) {
        if (outcome.engineDied() || outcome.events().isEmpty()) return;
        SnippetEvent event = outcome.events().get(0);
        if (!isTemporaryValue(event)) return;
        engine().drop(event.snippet());
        log.valueDiscarded(event.snippet());
    }

    /** JShell's {@code $N}: the variable an expression's value went into, still active. */
    private static boolean isTemporaryValue(SnippetEvent event) {
        return event.causeSnippet() == null
                && event.snippet() instanceof jdk.jshell.VarSnippet
                && event.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                && event.status().isActive();
    }

    /** A statement or expression that threw; a declaration that threw still declares its variable. */
    private static boolean threw(List<SnippetEvent> events) {
        if (events.isEmpty() || events.get(0).exception() == null) return false;
        Snippet snippet = events.get(0).snippet();
        return snippet.kind() != Snippet.Kind.VAR || snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
    }

    /**
     * A short-lived copy of this session in a new engine that has seen nothing but the replayed
     * session: free of the type profiles this session's earlier code left behind (a stream measured
     * 6.7× slower in a used engine). Close it after use.
     *
     * @return the fresh session and what its replay could not restore
     */
    public FreshSession fresh() {
        Session copy = new Session(spec, io, outputCap, true); // its output is part of the input that asked for it
        Runnable ctrlC = copy::interrupt; // Ctrl-C reaches this session; the copy's engine runs the code
        stopHooks.add(ctrlC);
        FreshSession fresh = new FreshSession(copy, new ArrayList<>(), () -> stopHooks.remove(ctrlC));
        try {
            for (ReplayModel.Step step : ReplayModel.of(log).steps()) {
                EvalOutcome outcome = copy.gate.muted(() -> copy.eval(step.source()));
                String problem = ReplayProblems.of(outcome, copy.engine());
                if (problem != null)
                    fresh.lost().add(step.origin() + " " + ReplayModel.headline(step.source()) + ": " + problem);
                if (outcome.engineDied()) break;
            }
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
        return fresh;
    }

    /** A fresh copy of a session ({@link #fresh()}); closing it ends its engine and its share of Ctrl-C. */
    public record FreshSession(Session session, List<String> lost, Runnable detach) implements AutoCloseable {
        @Override
        public void close() {
            detach.run();
            session.close();
        }
    }

    /** The engine's blackhole self-check, once it has run. */
    public Optional<BlackholeCheck> blackhole() {
        return Optional.ofNullable(blackhole);
    }

    /**
     * Runs the blackhole self-check once per engine, before the first timing. When consumed values
     * turn out dead (a dropped CompileCommand), the engine is restarted with JMH's
     * full Blackhole and the session replayed into it.
     *
     * @return the restart report when the fallback restarted the engine
     */
    public Optional<RestartReport> ensureBlackhole() throws EngineException {
        if (blackhole != null) return Optional.empty();
        BlackholeCheck check = request(EngineRequest.blackholeCheck());
        if (check.passed() || spec.fullBlackhole()) {
            blackhole = check;
            return Optional.empty();
        }
        spec = spec.withFullBlackhole();
        engine().close();
        RestartReport report = restartAndReplay(null);
        blackhole = request(EngineRequest.blackholeCheck());
        return Optional.of(report);
    }

    /**
     * Declares perfshell's own snippet (a generated class) for the duration of a magic: it never
     * enters the log, and closing drops it again so it never shows in /list, history or replay.
     */
    public HiddenSnippet declareHidden(String source) {
        Engine engine = engine();
        return new HiddenSnippet(engine, engine.eval(source));
    }

    public <R> R request(dev.perfshell.repl.link.EngineRequest<R> request) throws EngineException {
        Object wire = engine().command(request.command(), request.argument());
        try {
            return request.reply().apply(wire);
        } catch (RuntimeException malformed) {
            throw new EngineException("unexpected reply to " + request.command() + ": " + malformed, malformed);
        }
    }

    public void stop() {
        stopHooks.forEach(Runnable::run);
        if (started()) starting.join().stop();
    }

    /**
     * Ctrl-C: stops what runs, and what this input would still start (see {@link Engine#interrupt()}), also in
     * an engine that is still starting or that this input restarts.
     */
    public void interrupt() {
        inputInterrupted = true;
        stopHooks.forEach(Runnable::run);
        starting.thenAccept(engine -> {
            if (inputInterrupted) engine.interrupt();
        });
    }

    /** The shell starts a new input: the last one's Ctrl-C no longer counts. */
    public void beginInput() {
        inputInterrupted = false;
        if (started()) starting.join().beginInput();
    }

    private boolean started() {
        return starting.isDone() && !starting.isCompletedExceptionally();
    }

    /**
     * Makes Ctrl-C also run {@code hook} until the returned handle is closed: for work a magic runs
     * outside the engine (%jmh's child JVM), which the engine's stop does not reach.
     */
    public AutoCloseable onStop(Runnable hook) {
        stopHooks.add(hook);
        return () -> stopHooks.remove(hook);
    }

    /** Adds a jar or directory for both the compiler and the engine, now and after restarts. */
    public void addClassPath(String entry) {
        spec = spec.withClassPath(entry);
        engine().addToClasspath(entry);
    }

    /**
     * If the engine died, starts a new one and replays the session into it.
     *
     * @return what was restored and lost, or empty when the engine is alive
     */
    public Optional<RestartReport> recoverIfDead() {
        if (!starting.isDone()) return Optional.empty();
        Engine old = engine();
        if (old.alive()) return Optional.empty();
        EngineDeath death = old.death();
        old.close();
        return Optional.of(restartAndReplay(death));
    }

    private RestartReport restartAndReplay(EngineDeath death) {
        List<String> skipped = new ArrayList<>();
        for (SnippetLog.Entry entry : log.active()) {
            if (!entry.replayable())
                skipped.add("#" + entry.snippet().id() + " " + ReplayModel.headline(entry.source()));
        }
        ReplayModel model = ReplayModel.of(log);
        log.clear();
        Engine fresh = boot(spec);
        starting = CompletableFuture.completedFuture(fresh);
        blackhole = null; // a new engine is checked again
        List<String> restored = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (ReplayModel.Step step : model.steps()) {
            EvalOutcome outcome = gate.muted(() -> eval(step.source()));
            String problem = ReplayProblems.of(outcome, fresh);
            if (problem == null) restored.add(step.origin());
            else failed.add(step.origin() + " " + ReplayModel.headline(step.source()) + ": " + problem);
            if (outcome.engineDied()) break;
        }
        if (inputInterrupted) fresh.interrupt(); // after the replay, which restores and must not be refused
        return new RestartReport(death, restored, failed, skipped);
    }

    /** Drops a user snippet ({@code /drop}): it leaves the session and its replay. */
    public void drop(Snippet snippet) {
        engine().drop(snippet);
        log.dropped(snippet);
    }

    /** Restarts the engine on purpose and replays the session into it ({@code /reload}). */
    public RestartReport reload() {
        Engine old = engine();
        old.close();
        return restartAndReplay(null);
    }

    /** Ends the engine and forgets every snippet: a clean session ({@code /reset}). */
    public void reset() {
        try {
            engine().close();
        } catch (IllegalStateException neverStarted) {
            // nothing to close
        }
        log.clear();
        blackhole = null;
        starting = CompletableFuture.supplyAsync(() -> boot(spec));
    }

    @Override
    public void close() {
        maven.close();
        starting.thenAccept(Engine::close); // at once if started, else as soon as it has
    }
}
