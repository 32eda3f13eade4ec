package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.jmh.JmhCommandLine;
import dev.perfshell.repl.jmh.JmhCompileErrors;
import dev.perfshell.repl.jmh.JmhCompiler;
import dev.perfshell.repl.jmh.JmhDetails;
import dev.perfshell.repl.jmh.JmhFailure;
import dev.perfshell.repl.jmh.JmhJars;
import dev.perfshell.repl.jmh.JmhOptions;
import dev.perfshell.repl.jmh.JmhProcess;
import dev.perfshell.repl.jmh.JmhResult;
import dev.perfshell.repl.jmh.JmhSource;
import dev.perfshell.repl.jmh.JmhSourceBuilder;
import dev.perfshell.repl.jmh.SessionPart;
import dev.perfshell.repl.jmh.SessionReplay;
import dev.perfshell.repl.jmh.TimeitCrossCheck;
import dev.perfshell.repl.link.EngineSpec;
import dev.perfshell.repl.render.JmhRenderer;
import dev.perfshell.repl.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code %jmh [options] SNIPPET} and {@code %%jmh [options] [SETUP]} with a body: the snippet as a
 * real JMH benchmark, in a forked JVM, with the session's state replayed into it.
 * The benchmark is generated, compiled with JMH's annotation processor in a fresh
 * package and folder, and run by JMH's own runner in a child JVM on the engine's JDK.
 */
@Command(
        name = "jmh",
        description = "Run a snippet as a real forked JMH benchmark with the session's state: JMH's result table.",
        footer = {
            "",
            "Options are JMH's. Defaults sized for a REPL: 1 fork, 3 × 1 s warm-up, 5 × 1 s measurement, avgt, ns.",
            "",
            "The session is replayed into the benchmark: imports, classes (static nested), methods (static), variables (static fields, rebuilt in order with the statements that built them, in @Setup(Level.Trial)). %%%%jmh's first line after the options is setup code, run after the replay; -p values are fields the snippet and setup can read."
        })
final class JmhMagic extends SetupCellMagic {
    private static final AtomicInteger RUN_NUMBERS = new AtomicInteger();
    private static final Pattern TIME = Pattern.compile("\\d+(\\.\\d+)?(ns|us|ms|s|m|min|hr)");
    private static final Pattern PROGRESS =
            Pattern.compile("^(# Fork: |# Warmup Iteration|Iteration |# Parameters: ).*");
    private static final List<String> MODES = List.of("avgt", "thrpt", "sample", "ss");
    private static final List<String> UNITS = List.of("ns", "us", "ms", "s", "m", "min");

    /** -bm's values, for Tab (picocli's completion candidates). */
    static final class Modes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return MODES.iterator();
        }
    }

    /** -tu's values, for Tab. */
    static final class Units implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return UNITS.iterator();
        }
    }

    @Option(names = "-f", paramLabel = "FORKS", defaultValue = "1", description = "Forked JVMs (default 1).")
    int forks;

    @Option(names = "-wi", paramLabel = "N", defaultValue = "3", description = "Warm-up iterations (default 3).")
    int warmupIterations;

    @Option(
            names = "-w",
            paramLabel = "TIME",
            defaultValue = "1s",
            description = "Warm-up iteration time (default 1s).")
    String warmupTime;

    @Option(names = "-i", paramLabel = "N", defaultValue = "5", description = "Measurement iterations (default 5).")
    int iterations;

    @Option(
            names = "-r",
            paramLabel = "TIME",
            defaultValue = "1s",
            description = "Measurement iteration time (default 1s).")
    String measurementTime;

    @Option(
            names = "-bm",
            paramLabel = "MODE",
            defaultValue = "avgt",
            completionCandidates = Modes.class,
            description = "Mode: avgt, thrpt, sample, ss (default avgt).")
    String mode;

    @Option(
            names = "-tu",
            paramLabel = "UNIT",
            defaultValue = "ns",
            completionCandidates = Units.class,
            description = "Time unit: ns, us, ms, s (default ns).")
    String timeUnit;

    @Option(
            names = "-t",
            paramLabel = "THREADS",
            defaultValue = "1",
            description = "Threads running the snippet at once (default 1).")
    int threads;

    @Option(
            names = "-p",
            paramLabel = "NAME=V1,V2",
            description = "A parameter the snippet and setup can read; one run per value. Repeatable.")
    List<String> params = new ArrayList<>();

    @Option(
            names = "-prof",
            paramLabel = "PROFILER",
            description = "A JMH profiler: gc, stack, comp, cl, ... Repeatable.")
    List<String> profilers = new ArrayList<>();

    @Option(
            names = "--jvm-args",
            paramLabel = "ARGS",
            description = "The forked JVM's arguments, space-separated (the engine's -R options are passed too).")
    String jvmArgs;

    @Option(
            names = "--setup",
            paramLabel = "CODE",
            description = "Setup code run once per trial after the replay; its variables become fields.")
    String setupOption;

    @Option(
            names = "--no-session",
            description =
                    "Replay only imports, classes and methods: no variables or statements (build state in setup).")
    boolean noSession;

    @Mixin
    LabelOption labelOption = new LabelOption();

    @Option(names = "--print-source", description = "Print the generated benchmark class before running it.")
    boolean printSource;

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        String code = requiredCode(input, console, "%jmh needs code to benchmark. Example: %jmh Math.log(x)");
        if (code == null) return false;
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String problem = validate(parameters);
        if (problem != null) {
            console.error("%jmh: " + problem);
            return false;
        }
        String setup = dev.perfshell.repl.timeit.JavaStatements.setup(input.cell() ? input.code() : "", setupOption);
        Session session = context.session();
        SessionReplay replay = SessionReplay.of(session.log());
        if (!noSession && replay.problem().isPresent()) {
            console.error(
                    "%jmh: cannot replay " + replay.problem().get()
                            + ". Next: give it a named type, or use %%jmh --no-session with the state built in its setup line.");
            return false;
        }
        List<SessionPart> parts = noSession ? replay.declarations() : replay.parts();
        List<SessionPart> dropped = noSession ? replay.state() : List.of();
        Path folder = Files.createTempDirectory("perfshell-jmh-");
        try {
            return benchmark(context, session, parts, dropped, code, setup, parameters, folder);
        } finally {
            deleteQuietly(folder);
        }
    }

    /** @param dropped what --no-session left out of the replay, for the hint when the rest does not compile */
    private boolean benchmark(
            MagicContext context,
            Session session,
            List<SessionPart> parts,
            List<SessionPart> dropped,
            String code,
            String setup,
            Map<String, List<String>> parameters,
            Path folder)
            throws Exception {
        Console console = context.console();
        EngineSpec spec = session.spec();
        JmhJars jars = JmhJars.locate();
        Path classes = Files.createDirectories(folder.resolve("classes"));
        List<String> classPath = jars.benchmarkClassPath(spec.classPath());
        List<String> runPath = new ArrayList<>(List.of(classes.toString()));
        runPath.addAll(classPath);
        long compileStart = System.nanoTime();
        // The runner JVM starts now and waits for its arguments: its start overlaps the compile.
        try (JmhProcess process = JmhProcess.start(JmhCommandLine.runner(spec, runPath))) {
            JmhSource source =
                    compile(console, session, jars, parts, dropped, code, setup, parameters, classes, classPath);
            if (source == null) return false;
            long compileNanos = System.nanoTime() - compileStart;
            JmhOptions options = new JmhOptions(
                    forks,
                    warmupIterations,
                    warmupTime,
                    iterations,
                    measurementTime,
                    mode,
                    timeUnit,
                    threads,
                    parameters,
                    profilers,
                    JmhCommandLine.forkJvmArgs(
                            spec,
                            source.resetsProfiles() && jars.runtime().endsWith(".jar") ? jars.runtime() : null,
                            jvmArgs));
            Path resultFile = folder.resolve("result.json");
            console.dim(JmhRenderer.started(options, compileNanos));
            JmhResult.prepareReader();
            JmhProcess.Outcome outcome;
            try (AutoCloseable stopHook = session.onStop(process::stop)) {
                outcome = process.run(options.arguments(source.include(), resultFile.toString()), line -> {
                    if (PROGRESS.matcher(line).matches()) {
                        console.dim("  " + line);
                        console.flush();
                    }
                });
            }
            if (outcome.stopped()) {
                console.error(
                        "Stopped: the JMH run was interrupted (Ctrl-C); its JVMs were ended and nothing was recorded.");
                return false;
            }
            List<JmhResult> results = JmhResult.readIfWritten(resultFile);
            if (outcome.exitCode() != 0 || results.isEmpty()) {
                JmhFailure.lines(outcome).forEach(console::error);
                return false;
            }
            report(context, code, setup, options, results);
            return true;
        }
    }

    /** The benchmark, compiled into {@code classes}; {@code null} after saying why it could not be. */
    private JmhSource compile(
            Console console,
            Session session,
            JmhJars jars,
            List<SessionPart> parts,
            List<SessionPart> dropped,
            String code,
            String setup,
            Map<String, List<String>> parameters,
            Path classes,
            List<String> classPath) {
        EngineSpec spec = session.spec();
        jdk.jshell.SourceCodeAnalysis analysis = session.engine().jshell().sourceCodeAnalysis();
        JmhSourceBuilder builder =
                new JmhSourceBuilder(expression -> analysis.analyzeType(expression, expression.length()));
        String packageName = "perfshell.jmh.run" + RUN_NUMBERS.incrementAndGet();
        List<String> options = JmhCommandLine.javacOptions(spec);
        try {
            JmhSource source = builder.build(packageName, parts, code, setup, parameters, threads, false);
            if (printSource) source.source().lines().forEach(console::dim);
            List<JmhCompiler.Error> errors = JmhCompiler.compile(source, classes, classPath, jars.processor(), options);
            if (!errors.isEmpty()
                    && source.expression()
                    && errors.stream().anyMatch(e -> e.message().contains("'void' type not allowed"))) {
                source = builder.build(packageName, parts, code, setup, parameters, threads, true);
                errors = JmhCompiler.compile(source, classes, classPath, jars.processor(), options);
            }
            if (errors.isEmpty()) return source;
            JmhCompileErrors.lines(source, errors, dropped, noSession).forEach(console::error);
            return null;
        } catch (JmhSourceBuilder.BuildException e) {
            console.error("%jmh: " + e.getMessage());
            return null;
        }
    }

    /** JMH's table, the comparison with %timeit, and one record per result. */
    private void report(MagicContext context, String code, String setup, JmhOptions options, List<JmhResult> results) {
        Console console = context.console();
        console.println("");
        JmhRenderer.table(labelOption.label != null ? labelOption.label : code.strip(), results)
                .forEach(console::println);
        TimeitCrossCheck.line(context.results().all(), code, results).ifPresent(console::dim);
        for (JmhResult result : results) {
            context.record(origin -> JmhDetails.record(
                    labelOption.label, code.strip(), options.recorded(setup), result, List.of(), origin));
        }
    }

    private String validate(Map<String, List<String>> parameters) {
        String count = OptionRules.first(
                OptionRules.notNegative("-f", forks),
                OptionRules.notNegative("-wi", warmupIterations),
                OptionRules.atLeastOne("-i", iterations),
                OptionRules.atLeastOne("-t", threads));
        if (count != null) return count;
        if (!TIME.matcher(warmupTime).matches()) return "-w takes a time such as 1s or 500ms, got '" + warmupTime + "'";
        if (!TIME.matcher(measurementTime).matches())
            return "-r takes a time such as 1s or 500ms, got '" + measurementTime + "'";
        String time = OptionRules.first(
                OptionRules.positiveQuantity(
                        "-w", warmupTime, Double.parseDouble(warmupTime.replaceAll("[a-z]+$", ""))),
                OptionRules.positiveQuantity(
                        "-r", measurementTime, Double.parseDouble(measurementTime.replaceAll("[a-z]+$", ""))));
        if (time != null) return time;
        if (!MODES.contains(mode)) return "-bm takes one of " + String.join(", ", MODES) + ", got '" + mode + "'";
        if (!UNITS.contains(timeUnit))
            return "-tu takes one of " + String.join(", ", UNITS) + ", got '" + timeUnit + "'";
        for (String param : params) {
            int equals = param.indexOf('=');
            String name = equals < 0 ? "" : param.substring(0, equals).strip();
            if (equals < 0
                    || !javax.lang.model.SourceVersion.isName(name)
                    || param.substring(equals + 1).isBlank()) {
                return "-p takes NAME=V1,V2 with a Java name, got '" + param + "'";
            }
            parameters.put(name, List.of(param.substring(equals + 1).split(",")));
        }
        return null;
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException leftBehind) {
            // a temporary folder left behind is harmless; the result is what matters
        }
    }
}
