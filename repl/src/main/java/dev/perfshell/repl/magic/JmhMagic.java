package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.jmh.JmhBenchmark;
import dev.perfshell.repl.jmh.JmhDetails;
import dev.perfshell.repl.jmh.JmhFailure;
import dev.perfshell.repl.jmh.JmhOptions;
import dev.perfshell.repl.jmh.JmhProcess;
import dev.perfshell.repl.jmh.JmhResult;
import dev.perfshell.repl.jmh.JmhSource;
import dev.perfshell.repl.jmh.JmhWorkspace;
import dev.perfshell.repl.jmh.SessionReplay;
import dev.perfshell.repl.jmh.TimeitCrossCheck;
import dev.perfshell.repl.render.JmhRenderer;
import dev.perfshell.repl.timeit.JavaStatements;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
    /** JMH's lines that show how far the run is, echoed dimmed as they come; the rest is read when it fails. */
    private static final Pattern PROGRESS =
            Pattern.compile("^(# Fork: |# Warmup Iteration|Iteration |# Parameters: ).*");

    @Mixin
    JmhFlags flags = new JmhFlags();

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        String code = requiredCode(input, console, "%jmh needs code to benchmark. Example: %jmh Math.log(x)");
        if (code == null) return false;
        String problem = flags.problem();
        if (problem != null) {
            console.error("%jmh: " + problem);
            return false;
        }
        String setup = JavaStatements.setup(input.cell() ? input.code() : "", flags.setupOption);
        SessionReplay replay = SessionReplay.of(context.session().log());
        if (!flags.noSession && replay.problem().isPresent()) {
            console.error(
                    "%jmh: cannot replay " + replay.problem().get()
                            + ". Next: give it a named type, or use %%jmh --no-session with the state built in its setup line.");
            return false;
        }
        JmhBenchmark benchmark =
                JmhBenchmark.of(replay, flags.noSession, code, setup, flags.parameters(), flags.threads);
        try (JmhWorkspace workspace = JmhWorkspace.create(context.session())) {
            return benchmark(context, benchmark, workspace);
        }
    }

    /** Compiles the benchmark while JMH's runner JVM starts, runs it and reports; whether it gave results. */
    private boolean benchmark(MagicContext context, JmhBenchmark benchmark, JmhWorkspace workspace) throws Exception {
        Console console = context.console();
        long compileStart = System.nanoTime();
        try (JmhProcess process = workspace.startRunner()) {
            JmhSource source = workspace.compile(benchmark, flags.printSource, console);
            if (source == null) return false;
            long compileNanos = System.nanoTime() - compileStart;
            JmhOptions options = flags.jmhOptions(benchmark.parameters(), workspace.forkJvmArgs(source, flags.jvmArgs));
            console.dim(JmhRenderer.started(options, compileNanos));
            Path resultFile = workspace.resultFile();
            List<JmhResult> results =
                    measure(context, process, options.arguments(source.include(), resultFile.toString()), resultFile);
            if (results == null) return false;
            report(context, benchmark, options, results);
            return true;
        }
    }

    /** JMH's run of the compiled benchmark; {@code null} after saying why it gave no results. */
    private static List<JmhResult> measure(
            MagicContext context, JmhProcess process, List<String> arguments, Path resultFile) throws Exception {
        Console console = context.console();
        JmhResult.prepareReader();
        JmhProcess.Outcome outcome;
        try (AutoCloseable stopHook = context.session().onStop(process::stop)) {
            outcome = process.run(arguments, line -> {
                if (PROGRESS.matcher(line).matches()) {
                    console.dim("  " + line);
                    console.flush();
                }
            });
        }
        if (outcome.stopped()) {
            console.error(
                    "Stopped: the JMH run was interrupted (Ctrl-C); its JVMs were ended and nothing was recorded.");
            return null;
        }
        List<JmhResult> results = JmhResult.readIfWritten(resultFile);
        if (outcome.exitCode() != 0 || results.isEmpty()) {
            JmhFailure.lines(outcome).forEach(console::error);
            return null;
        }
        return results;
    }

    /** JMH's table, the comparison with %timeit, and one record per result. */
    private void report(MagicContext context, JmhBenchmark benchmark, JmhOptions options, List<JmhResult> results) {
        Console console = context.console();
        String code = benchmark.code();
        String label = flags.labelOption.label;
        console.println("");
        JmhRenderer.table(label != null ? label : code.strip(), results).forEach(console::println);
        TimeitCrossCheck.line(context.results().all(), code, results).ifPresent(console::dim);
        for (JmhResult result : results) {
            context.record(origin -> JmhDetails.record(
                    label, code.strip(), options.recorded(benchmark.setup()), result, List.of(), origin));
        }
    }
}
