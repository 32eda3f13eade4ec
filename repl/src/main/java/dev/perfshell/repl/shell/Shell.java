package dev.perfshell.repl.shell;

import dev.perfshell.repl.command.SlashCommands;
import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.magic.MagicContext;
import dev.perfshell.repl.magic.MagicRegistry;
import dev.perfshell.repl.magic.MagicRunner;
import dev.perfshell.repl.magic.ResultBinder;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultsStore;
import dev.perfshell.repl.script.InputCompleteness;
import dev.perfshell.repl.script.InputKind;
import dev.perfshell.repl.script.InputSource;
import dev.perfshell.repl.script.ScriptHost;
import dev.perfshell.repl.script.ScriptSource;
import dev.perfshell.repl.script.ScriptText;
import dev.perfshell.repl.session.InputHistory;
import dev.perfshell.repl.session.JavaEvaluator;
import dev.perfshell.repl.session.OutputCap;
import dev.perfshell.repl.session.RestartReport;
import dev.perfshell.repl.session.Session;
import dev.perfshell.timing.runtime.Units;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The loop: read a complete input, route it (Java, magic or command), run it, and after each
 * input make sure the engine is alive, restoring the session if it died.
 */
public final class Shell {
    /** Exit codes of {@code perfshell} and {@code perfshell run}. */
    public static final int OK = 0;

    public static final int SCRIPT_FAILED = 1;
    private static final int MAX_IDS_SHOWN = 20;

    private final Session session;
    private final Console console;
    private final InputHistory history = new InputHistory();
    private final JavaEvaluator evaluator;
    private final MagicRunner magics;
    private final SlashCommands commands;
    private final MagicRegistry registry;
    private final ResultsStore results = new ResultsStore();
    /** The source whose input is running (sources nest: /open, %run), for the origin of results. */
    private InputSource currentSource;
    /** The folder of the outermost script file being run: results name scripts relative to it. */
    private Path scriptFolder;
    /** How many sources are running inside each other: inputs of nested scripts stay out of the history. */
    private int depth;
    /**
     * The script files running or loading inside each other, outermost first: a script that runs itself
     * (directly or through others) would nest until the stack overflows.
     */
    private final java.util.Deque<Path> openScripts = new java.util.ArrayDeque<>();

    private volatile boolean busy;
    private volatile long lastStopNanos;
    /** Counts inputs, so a hint about a stubborn snippet never lands on the next input. */
    private volatile long inputNumber;

    private volatile long stoppedInput = -1;

    /** @param env the environment variables magics may read ({@code PERFSHELL_HOME}, {@code DISPLAY}) */
    public Shell(Session session, Console console, MagicRegistry registry, java.util.Map<String, String> env) {
        this.session = session;
        this.console = console;
        this.registry = registry;
        this.evaluator = new JavaEvaluator(session);
        this.magics = new MagicRunner(new MagicContext(
                session,
                console,
                evaluator,
                registry,
                new ResultBinder(),
                history,
                results,
                this::origin,
                new Scripts(),
                env));
        this.commands = new SlashCommands(session, console, history, new SlashCommands.Host() {
            @Override
            public boolean evaluate(String input) {
                return handle(input) != Handled.FAILED;
            }

            @Override
            public boolean runScript(Path file) {
                return runFile(file, false) == OK;
            }

            @Override
            public void reportRestart(RestartReport report) {
                Shell.this.reportRestart(report);
            }
        });
    }

    public MagicRegistry registry() {
        return registry;
    }

    public SlashCommands commands() {
        return commands;
    }

    public Session session() {
        return session;
    }

    /** This session's measured results ({@code %results}, {@code perfshell run --json}). */
    public ResultsStore results() {
        return results;
    }

    /**
     * Where the running input came from: its script (relative to the outermost script's folder) and
     * line, {@code <stdin>} and line for piped input, or its history number when typed.
     */
    private ResultOrigin origin() {
        InputSource source = currentSource;
        if (source == null || source.interactive())
            return new ResultOrigin(null, history.all().size());
        if (source.file() == null) return new ResultOrigin(source.name(), source.line());
        Path file = source.file().toAbsolutePath().normalize();
        Path folder = scriptFolder != null ? scriptFolder : file.getParent();
        String relative =
                folder == null ? file.toString() : folder.relativize(file).toString();
        return new ResultOrigin(relative.replace(java.io.File.separatorChar, '/'), source.line());
    }

    /**
     * Runs one complete input as if typed (a notebook cell's inputs, one by one), without echoing it.
     *
     * @return whether it succeeded; a failure has been reported on the console
     */
    public boolean evaluate(String input) {
        boolean ok = handle(input) != Handled.FAILED;
        console.flush();
        return ok;
    }

    public InputCompleteness completeness() {
        return new InputCompleteness(() -> session.engine().jshell().sourceCodeAnalysis());
    }

    /**
     * For input typed at the prompt: a {@code %%name} that opens no cell (a typo, a magic without a cell form) is
     * refused as soon as its first line is entered, not after a whole body was typed for nothing.
     */
    public InputCompleteness typedCompleteness() {
        return new InputCompleteness(
                () -> session.engine().jshell().sourceCodeAnalysis(),
                name -> registry.create(name)
                        .map(dev.perfshell.repl.magic.Magic::acceptsCell)
                        .orElse(false));
    }

    private enum Handled {
        OK,
        FAILED,
        EXIT
    }

    /**
     * Reads and runs inputs until the source ends or {@code /exit}.
     *
     * @param keepGoing in a script, go on after a failing input (and still exit 1 at the end)
     * @return {@link #OK}, or {@link #SCRIPT_FAILED} when a script input failed
     */
    public int run(InputSource source, boolean keepGoing) {
        InputSource outerSource = currentSource;
        Path outerFolder = scriptFolder;
        currentSource = source;
        depth++;
        if (scriptFolder == null && source.file() != null)
            scriptFolder = source.file().toAbsolutePath().normalize().getParent();
        Path opened = source.file() == null ? null : identity(source.file());
        if (opened != null) openScripts.addLast(opened);
        try {
            return runInputs(source, keepGoing);
        } finally {
            if (opened != null) openScripts.removeLastOccurrence(opened);
            depth--;
            currentSource = outerSource;
            scriptFolder = outerFolder;
        }
    }

    private int runInputs(InputSource source, boolean keepGoing) {
        boolean anyFailed = false;
        while (true) {
            String input;
            try {
                input = source.next();
            } catch (IOException e) {
                console.error(
                        e instanceof ScriptText.NotUtf8Exception
                                ? e.getMessage()
                                : "Cannot read " + source.name() + ": " + e.getMessage());
                return SCRIPT_FAILED;
            }
            if (input == null) break;
            console.input(source.interactive() ? "" : source.name() + ":" + source.line());
            Handled handled = handle(input);
            if (handled == Handled.EXIT) break;
            if (handled == Handled.FAILED && !source.interactive()) {
                anyFailed = true;
                console.error(source.name() + ":" + source.line() + ": this input failed"
                        + (keepGoing
                                ? "; going on (--keep-going)"
                                : "; stopping. Next: fix it, or run with --keep-going"));
                if (!keepGoing) break;
            }
        }
        console.flush();
        return anyFailed ? SCRIPT_FAILED : OK;
    }

    /** Runs a script file in this session ({@code /open}, {@code --startup}, {@code perfshell run}). */
    public int runFile(Path file, boolean keepGoing) {
        if (refuseCycle(file)) return SCRIPT_FAILED;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return run(new ScriptSource(reader, file, completeness()), keepGoing);
        } catch (IOException e) {
            console.error("Cannot read " + file + ": " + e.getMessage() + ". Next: check the path.");
            return SCRIPT_FAILED;
        }
    }

    /** The file as one path whatever it was called by (relative, through a link), for finding cycles. */
    private static Path identity(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException | SecurityException e) {
            return file.toAbsolutePath().normalize();
        }
    }

    /** Says so and returns true when {@code file} is already running or loading in this session (it runs itself). */
    private boolean refuseCycle(Path file) {
        Path identity = identity(file);
        if (!openScripts.contains(identity)) return false;
        List<String> chain = new java.util.ArrayList<>();
        boolean inCycle = false;
        for (Path open : openScripts) {
            inCycle |= open.equals(identity);
            if (inCycle) chain.add(open.getFileName().toString());
        }
        chain.add(identity.getFileName().toString());
        console.error(file + " is already running (" + String.join(" → ", chain)
                + "): a script that runs itself never ends." + " Next: remove the line that runs it again.");
        return true;
    }

    private Handled handle(String input) {
        InputKind kind = InputKind.of(input);
        if (kind == InputKind.BLANK) return Handled.OK;
        int number = depth <= 1 ? history.add(input) : 0;
        // A Ctrl-C interrupts the whole top-level input, a %run script's later lines included.
        if (depth <= 1) session.beginInput();
        inputNumber++;
        busy = true;
        session.outputCap().beginInput();
        try {
            session.recoverIfDead().ifPresent(this::reportRestart); // killed from outside while idle
            Handled handled;
            try {
                handled = route(kind, input);
            } catch (StackOverflowError tooDeep) {
                // javac recurses per nesting level; jshell itself dies of such an input. The stack is unwound here, so
                // the session goes on.
                console.error("This input is nested too deeply for the Java compiler (" + input.length()
                        + " characters, " + input.lines().count()
                        + " lines). Next: split it into smaller statements or methods.");
                handled = Handled.FAILED;
            }
            if (session.recoverIfDead()
                    .map(report -> {
                        reportRestart(report);
                        return true;
                    })
                    .orElse(false)) handled = Handled.FAILED;
            if (handled == Handled.FAILED) history.failed(number);
            return handled;
        } finally {
            busy = false;
            console.flush();
            reportDroppedOutput(session.outputCap().endInput());
        }
    }

    /** One line after an input whose output went over the cap: how much was dropped and how to keep it all. */
    private void reportDroppedOutput(OutputCap.Dropped dropped) {
        if (dropped.bytes() == 0) return;
        if (!dropped.atLineStart()) console.always("");
        console.warn("... " + Units.bytes(dropped.bytes()) + " more output dropped: the console shows the first "
                + Units.bytes(session.outputCap().limit())
                + " of each input. Next: to keep it all, write it to a file in the "
                + "snippet, e.g. var out = new java.io.PrintStream(\"out.txt\"); out.println(...); out.close();");
    }

    private Handled route(InputKind kind, String input) {
        switch (kind) {
            case LINE_MAGIC:
            case CELL_MAGIC:
                return magics.run(input) ? Handled.OK : Handled.FAILED;
            case COMMAND:
                SlashCommands.Result result = commands.run(input);
                return result == SlashCommands.Result.EXIT
                        ? Handled.EXIT
                        : result == SlashCommands.Result.OK ? Handled.OK : Handled.FAILED;
            default:
                return evaluator.evaluate(input, console).failed() ? Handled.FAILED : Handled.OK;
        }
    }

    /** What {@code %run} and {@code %load} need from the shell. */
    private final class Scripts implements ScriptHost {
        @Override
        public boolean runFile(Path file, boolean keepGoing) {
            return Shell.this.runFile(file, keepGoing) == OK;
        }

        @Override
        public boolean load(Path file, java.util.function.BooleanSupplier typeInputs) {
            if (refuseCycle(file)) return false;
            Path identity = identity(file);
            openScripts.addLast(identity);
            try {
                return typeInputs.getAsBoolean();
            } finally {
                openScripts.removeLastOccurrence(identity);
            }
        }

        @Override
        public boolean typed(String input) {
            String[] lines = input.split("\n", -1);
            for (int i = 0; i < lines.length; i++)
                console.dim((i == 0 ? TerminalSource.PROMPT : TerminalSource.CONTINUATION) + lines[i]);
            return handle(input) != Handled.FAILED;
        }

        @Override
        public InputCompleteness completeness() {
            return Shell.this.completeness();
        }
    }

    /**
     * Ctrl-C while code runs: stop it. A snippet that swallows the stop (catch Throwable in a
     * loop) cannot be stopped; a second Ctrl-C within three seconds ends the engine, and the
     * session is restored by replay.
     *
     * @return whether code was running (otherwise Ctrl-C is the line editor's business)
     */
    public boolean interrupt() {
        if (!busy) return false;
        long now = System.nanoTime();
        if (stoppedInput == inputNumber && now - lastStopNanos < 3_000_000_000L) {
            console.warn("Ending the engine: the snippet ignored Ctrl-C. The session will be replayed.");
            session.engine().kill();
        } else {
            lastStopNanos = now;
            stoppedInput = inputNumber;
            session.interrupt();
            scheduleStubbornnessHint(now, inputNumber);
        }
        return true;
    }

    private void scheduleStubbornnessHint(long stopNanos, long stoppedInput) {
        Thread hint = new Thread(
                () -> {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (busy && lastStopNanos == stopNanos && inputNumber == stoppedInput) {
                        console.warn(
                                "The snippet is still running (it may catch the stop). Press Ctrl-C again to end the engine.");
                    }
                },
                "perfshell-ctrl-c-hint");
        hint.setDaemon(true);
        hint.start();
    }

    void reportRestart(RestartReport report) {
        if (report.death() != null) {
            console.error(
                    "The engine " + report.death().describe() + ". Started a new engine and replayed the session.");
        } else {
            console.println("Restarted the engine and replayed the session.");
        }
        List<String> restored = report.restored();
        String ids = restored.size() <= MAX_IDS_SHOWN
                ? String.join(" ", restored)
                : String.join(" ", restored.subList(0, MAX_IDS_SHOWN)) + " …";
        console.println("Restored " + restored.size() + (restored.size() == 1 ? " snippet" : " snippets")
                + (restored.isEmpty() ? "" : " (" + ids + ")") + ".");
        for (String skipped : report.skipped()) console.warn("Not replayed: " + skipped);
        for (String failed : report.failed()) console.warn("Lost on replay: " + failed);
    }
}
