package dev.perfshell.repl;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.link.EngineSpec;
import dev.perfshell.repl.magic.MagicRegistry;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.results.ResultsEnvironment;
import dev.perfshell.repl.results.Tool;
import dev.perfshell.repl.script.ScriptSource;
import dev.perfshell.repl.session.EngineIo;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.session.TimingPreparation;
import dev.perfshell.repl.shell.HistoryFile;
import dev.perfshell.repl.shell.Shell;
import dev.perfshell.repl.shell.TerminalSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code perfshell}: the interactive shell, and {@code perfshell run FILE.jsh} for saved perf
 * scripts. Exit codes: 0 ok, 1 a script input failed, 2 usage error.
 */
@Command(
        name = "perfshell",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "A terminal REPL for Java performance work: type Java as in jshell, measure it with %%magics.",
            "Piped stdin runs as a script."
        },
        subcommands = {RunCommand.class, CompareCommand.class, KernelCommand.class})
public final class Main implements Callable<Integer> {
    static final int USAGE = 2;

    @Option(
            names = "--class-path",
            paramLabel = "PATH",
            split = ":",
            scope = ScopeType.INHERIT,
            description = "Jars and folders visible to snippets (':'-separated; repeatable).")
    List<String> classPath = new ArrayList<>();

    @Option(
            names = {"-R", "--engine-option"},
            paramLabel = "OPT",
            scope = ScopeType.INHERIT,
            description = "A JVM option for the engine, e.g. -R -Xmx4g (repeatable; shown by %%env).")
    List<String> engineOptions = new ArrayList<>();

    @Option(
            names = "--engine-jdk",
            paramLabel = "JAVA_HOME",
            scope = ScopeType.INHERIT,
            description = "Run the engine on another installed JDK (snippets still compile with the shell's JDK).")
    Path engineJdk;

    @Option(
            names = "--enable-preview",
            scope = ScopeType.INHERIT,
            description = "Enable preview features (compiler and engine).")
    boolean enablePreview;

    @Option(
            names = "--add-modules",
            paramLabel = "MODULE",
            split = ",",
            scope = ScopeType.INHERIT,
            description = "Resolve extra modules, e.g. jdk.incubator.vector (compiler and engine).")
    List<String> addModules = new ArrayList<>();

    @Option(
            names = "--startup",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description = "A .jsh file to run first.")
    Path startup;

    @Option(names = "--no-color", scope = ScopeType.INHERIT, description = "No colour (also when NO_COLOR is set).")
    boolean noColor;

    final InputStream in;
    final PrintStream out;
    final PrintStream err;
    final Map<String, String> env;
    private final boolean terminal;

    Main(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, boolean terminal) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = env;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.in, System.out, System.err, System.getenv(), System.console() != null));
    }

    /** Runs perfshell with injected streams; returns the exit code. */
    public static int execute(
            String[] args,
            InputStream in,
            PrintStream out,
            PrintStream err,
            Map<String, String> env,
            boolean terminal) {
        java.util.Optional<String> runtimeProblem = RequiredModules.problemOfThisRuntime();
        if (runtimeProblem.isPresent()) {
            err.println("perfshell: " + runtimeProblem.get());
            return USAGE;
        }
        CommandLine line = new CommandLine(new Main(in, out, err, env, terminal));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        // A mistake on the command line is one line naming it, with where the rest is, as a magic's is (not the
        // whole usage, 30 to 40 lines that push the mistake off the screen).
        line.setParameterExceptionHandler((e, given) -> {
            String command = e.getCommandLine().getCommandSpec().qualifiedName();
            String suggestion = e instanceof CommandLine.UnmatchedArgumentException unmatched
                            && !unmatched.getSuggestions().isEmpty()
                    ? " Did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?"
                    : "";
            err.println(command + ": " + e.getMessage().strip() + "." + suggestion + " Next: " + command
                    + " --help lists the options.");
            return USAGE;
        });
        line.setExecutionExceptionHandler((e, cl, parsed) -> {
            err.println("perfshell: " + e.getMessage());
            return e instanceof dev.perfshell.repl.session.EngineStartException || e instanceof IOException
                    ? USAGE
                    : Shell.SCRIPT_FAILED;
        });
        return line.execute(args);
    }

    EngineSpec spec() throws IOException {
        if (engineJdk != null && !Files.isExecutable(engineJdk.resolve("bin/java"))) {
            throw new IOException("--engine-jdk " + engineJdk
                    + " has no bin/java. Next: pass a JDK home, e.g. /usr/lib/jvm/temurin-25-jdk-amd64");
        }
        List<String> entries = new ArrayList<>();
        for (String entry : classPath) {
            if (entry.isBlank()) continue;
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (!Files.exists(path))
                throw new IOException("--class-path entry not found: " + entry + ". Next: check the path.");
            entries.add(path.toString());
        }
        return new EngineSpec(engineOptions, engineJdk, entries, enablePreview, addModules, false, connectTimeout());
    }

    /**
     * The options given that shape a session, as words of a command line (for a kernel spec, whose kernel must start
     * the same session): class path, engine options and JDK, preview, modules, startup script; paths made absolute.
     */
    List<String> shellOptions() {
        List<String> words = new ArrayList<>();
        for (String entry : classPath)
            if (!entry.isBlank())
                words.add("--class-path=" + Path.of(entry).toAbsolutePath().normalize());
        for (String option : engineOptions) words.add("--engine-option=" + option);
        if (engineJdk != null)
            words.add("--engine-jdk=" + engineJdk.toAbsolutePath().normalize());
        if (enablePreview) words.add("--enable-preview");
        if (!addModules.isEmpty()) words.add("--add-modules=" + String.join(",", addModules));
        if (startup != null) words.add("--startup=" + startup.toAbsolutePath().normalize());
        return words;
    }

    /** {@code PERFSHELL_ENGINE_TIMEOUT}: seconds a starting engine may take to connect (a slow machine, a test). */
    private java.time.Duration connectTimeout() throws IOException {
        String text = env.get("PERFSHELL_ENGINE_TIMEOUT");
        if (text == null || text.isBlank()) return EngineSpec.DEFAULT_CONNECT_TIMEOUT;
        try {
            int seconds = Integer.parseInt(text.strip());
            if (seconds >= 1 && seconds <= 3600) return java.time.Duration.ofSeconds(seconds);
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new IOException("PERFSHELL_ENGINE_TIMEOUT=" + text
                + " is not a whole number of seconds from 1 to 3600. Next: e.g. PERFSHELL_ENGINE_TIMEOUT=60");
    }

    private boolean color() {
        return !noColor && !env.containsKey("NO_COLOR");
    }

    /** The interactive shell, or a script when stdin is not a terminal. */
    @Override
    public Integer call() throws Exception {
        EngineSpec spec = spec();
        if (!terminal) {
            Console console =
                    new Console(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true), false);
            return runScript(
                            spec,
                            console,
                            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
                            null,
                            false,
                            InputStream.nullInputStream(),
                            false)
                    .code();
        }
        return interactive(spec);
    }

    private int interactive(EngineSpec spec) throws IOException {
        // The engine boots first, in the background, while the terminal and the shell are built;
        // its streams reach the terminal once it exists (no user code runs before that).
        AtomicReference<InputStream> terminalIn = new AtomicReference<>(InputStream.nullInputStream());
        AtomicReference<OutputStream> terminalOut = new AtomicReference<>(OutputStream.nullOutputStream());
        PrintStream engineOut = new PrintStream(new ForwardingOutput(terminalOut::get), true, StandardCharsets.UTF_8);
        Session session = Session.start(spec, new EngineIo(new ForwardingInput(terminalIn::get), engineOut, engineOut));
        try (Terminal term =
                TerminalBuilder.builder().system(true).name("perfshell").build()) {
            boolean color = color()
                    && !Terminal.TYPE_DUMB.equals(term.getType())
                    && !Terminal.TYPE_DUMB_COLOR.equals(term.getType());
            Console console = new Console(term.writer(), color);
            terminalOut.set(console.userStream());
            terminalIn.set(term.input());
            Shell shell = new Shell(session, console, MagicRegistry.standard(), env);
            term.handle(Terminal.Signal.INT, signal -> shell.interrupt());
            console.dim("perfshell " + Version.number() + " on Java " + System.getProperty("java.version")
                    + ". Type Java, or %lsmagic for magics, /help for commands, Ctrl-D to leave.");
            HistoryFile history = HistoryFile.locate(env, System.getProperty("user.home"));
            if (history.problem() != null) console.warn(history.problem());
            if (startup != null) shell.runFile(startup, true);
            shell.run(new TerminalSource(term, shell, history.file()), false);
            return Shell.OK;
        } finally {
            session.close();
        }
    }

    /** One engine's run of a script: its exit code, its results, and the engine it ran in. */
    record EngineRun(int code, List<ResultRecord> results, ResultsEnvironment environment) {}

    /**
     * Runs a script in a new session (a new engine).
     *
     * @param file        the script file, or {@code null} for piped stdin
     * @param environment whether to ask the engine about itself at the end (for exports)
     */
    EngineRun runScript(
            EngineSpec spec,
            Console console,
            BufferedReader reader,
            Path file,
            boolean keepGoing,
            InputStream engineIn,
            boolean environment) {
        Session session = Session.start(
                spec,
                new EngineIo(engineIn, console.userStream(), console.userStream()),
                TimingPreparation.timesAnything(file));
        try {
            Shell shell = new Shell(session, console, MagicRegistry.standard(), env);
            int code = runInputs(shell, reader, file, keepGoing);
            return new EngineRun(code, shell.results().all(), environment ? environment(shell, console) : null);
        } finally {
            session.close();
        }
    }

    private int runInputs(Shell shell, BufferedReader reader, Path file, boolean keepGoing) {
        if (startup != null && shell.runFile(startup, keepGoing) != Shell.OK && !keepGoing) return Shell.SCRIPT_FAILED;
        return shell.run(
                file == null
                        ? new ScriptSource(reader, "<stdin>", shell.completeness())
                        : new ScriptSource(reader, file, shell.completeness()),
                keepGoing);
    }

    private static ResultsEnvironment environment(Shell shell, Console console) {
        try {
            return ResultsEnvironment.of(shell.session().request(EngineRequest.info()));
        } catch (Exception e) {
            console.warn("The engine did not answer (" + e.getMessage() + "): the exports have no environment facts.");
            return ResultsEnvironment.unknown();
        }
    }

    /** The version from the build, for {@code --version} and the banner. */
    static final class Version implements CommandLine.IVersionProvider {
        static String number() {
            return Tool.perfshell().version();
        }

        @Override
        public String[] getVersion() {
            return new String[] {"perfshell " + number() + " (Java " + System.getProperty("java.version") + ")"};
        }
    }
}
