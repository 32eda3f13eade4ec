package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.link.TimeitRuns;
import dev.perfshell.repl.render.HeadToHeadRenderer;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.timeit.BlackholeWarnings;
import dev.perfshell.repl.timeit.HeadToHead;
import dev.perfshell.repl.timeit.SnippetList;
import dev.perfshell.repl.timeit.SteadyRuns;
import dev.perfshell.repl.timeit.TimedSnippet;
import dev.perfshell.repl.timeit.TimedSourceBuilder;
import dev.perfshell.repl.timeit.TimeitDetails;
import dev.perfshell.repl.timeit.TimingFailure;
import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.TimeitReport;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code %compare A ;; B [;; C …]} and {@code %%compare} with one snippet per line: every snippet
 * timed as {@code %timeit} times one, under one plan, their runs interleaved in the engine (A B, B A,
 * …) so a busy machine's drift hits all alike; then a table and hyperfine's summary with two tests.
 */
@Command(
        name = "compare",
        description =
                "Time snippets head to head, runs interleaved: a table and hyperfine's 'A ran 1.83 times faster than B' with the ratio's 95%% interval.",
        footer = {
            "",
            "Snippets are separated by ;; outside brackets, strings and comments (for (;;) is safe); %%%%compare takes one per line, setup after its options or on its first line. 'name: code' labels one.",
            "",
            "Each is timed as %%timeit times it (JMH's loop shape, warm-up until settled); the measured runs then alternate between them. The ratio is of the runs' geometric means, its 95%% interval Welch's t on the runs' logarithms (more runs narrow it); 'may be equally fast' exactly when the interval includes 1. Mann-Whitney's exact p is shown beside it. perfshell compare uses the same model.",
            "",
            "--label NAME names the comparison: each snippet's result is NAME/its label or letter (A, B, ...)."
        })
final class CompareMagic extends SetupCellMagic {
    private static final AtomicInteger CLASS_NUMBERS = new AtomicInteger();
    /** Each snippet's share of the call when --budget is not given. */
    private static final double DEFAULT_BUDGET_SECONDS = 1.5;

    @Option(names = "-n", paramLabel = "LOOPS", description = "Operations per run (default: time-boxed runs).")
    Long loops;

    @Option(names = "-r", paramLabel = "RUNS", description = "Measured runs of each snippet (default 20).")
    Integer runs;

    @Mixin
    WarmupOption warmup = new WarmupOption();

    @Option(names = "--budget", paramLabel = "SECONDS", description = "Time for each snippet (default 1.5).")
    Double budget;

    @Option(
            names = "--setup",
            paramLabel = "CODE",
            description = "Setup code run before each run of every snippet, untimed; its variables become fields.")
    String setupOption;

    @Option(names = "-p", paramLabel = "PRECISION", defaultValue = "3", description = "Significant digits (default 3).")
    int precision;

    @Option(names = "-q", description = "Quiet: print only the summary.")
    boolean quiet;

    @Option(
            names = "--plot",
            paramLabel = "FILE.svg|FILE.html",
            description = "Also draw a box plot of every snippet's runs (self-contained, no network).")
    String plot;

    @Mixin
    LabelOption labelOption = new LabelOption();

    @Mixin
    FreshOption freshOption = new FreshOption();

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        SnippetList.Cell cell = input.cell()
                ? SnippetList.ofCell(input.text(), name -> sessionVariable(context.session(), name))
                : new SnippetList.Cell("", SnippetList.ofLine(input.text()));
        List<SnippetList.Entry> entries = cell.entries();
        if (entries.size() < 2) {
            console.error("%compare needs two snippets or more, separated by ;; (or one per line in %%compare). "
                    + "Example: %compare sumLoop(arr) ;; Arrays.stream(arr).sum()");
            return false;
        }
        String problem = validate();
        if (problem != null) {
            console.error("%compare: " + problem);
            return false;
        }
        String setup = dev.perfshell.repl.timeit.JavaStatements.setup(
                input.cell() ? input.code() : "", cell.setup(), setupOption);
        if (!cell.setup().isEmpty() && !quiet)
            console.dim("note: the cell's first line is setup (untimed): the snippets below read its variables");
        try {
            if (!freshOption.fresh) return compare(context, context.session(), entries, setup);
            // As %timeit --fresh: code that does not compile is said before a whole session is replayed for nothing.
            List<TimedSnippet> check = declare(context.session(), entries, setup, console);
            if (check == null) return false;
            check.forEach(TimedSnippet::close);
            console.dim("--fresh: starting a new engine with the replayed session...");
            try (Session.FreshSession copy = context.session().fresh()) {
                copy.lost().forEach(lost -> console.warn("Not in the fresh engine: " + lost));
                return compare(context, copy.session(), entries, setup);
            }
        } catch (TimedSourceBuilder.SetupTypeException e) {
            console.error("%compare: " + e.getMessage());
            return false;
        }
    }

    private boolean compare(MagicContext context, Session session, List<SnippetList.Entry> entries, String setup)
            throws Exception {
        Console console = context.console();
        BlackholeWarnings.ensure(session).forEach(console::warn);
        List<TimedSnippet> declared = declare(session, entries, setup, console);
        if (declared == null) return false;
        try {
            List<TimeitRuns> measured;
            try {
                measured = session.request(EngineRequest.timeitInterleaved(
                        declared.stream().map(TimedSnippet::binaryName).toList(), plan()));
            } catch (EngineException e) {
                TimingFailure.of(session, e).ifPresent(console::error);
                return false;
            }
            report(context, session, entries, measured, setup);
            return true;
        } finally {
            declared.forEach(TimedSnippet::close);
        }
    }

    /** Every snippet's class declared in the session, or {@code null} after saying which does not compile. */
    private static List<TimedSnippet> declare(
            Session session, List<SnippetList.Entry> entries, String setup, Console console)
            throws TimedSourceBuilder.SetupTypeException {
        List<TimedSnippet> declared = new ArrayList<>();
        boolean done = false;
        try {
            for (SnippetList.Entry entry : entries) {
                TimedSnippet timed = TimedSnippet.declare(
                        session, "PerfshellCompare" + CLASS_NUMBERS.incrementAndGet(), entry.code(), setup, false);
                declared.add(timed);
                if (!timed.ok()) {
                    console.error("%compare: " + name(entry) + " does not compile:");
                    timed.errors().forEach(console::error);
                    if (timed.errors().stream().anyMatch(error -> error.contains("cannot find variable")))
                        console.error(SETUP_HINT);
                    return null;
                }
            }
            done = true;
            return declared;
        } finally {
            if (!done) declared.forEach(TimedSnippet::close);
        }
    }

    private void report(
            MagicContext context,
            Session session,
            List<SnippetList.Entry> entries,
            List<TimeitRuns> measured,
            String setup) {
        Console console = context.console();
        double floor = session.blackhole()
                .map(dev.perfshell.timing.runtime.BlackholeCheck::emptyNanos)
                .orElse(Double.NaN);
        List<TimeitReport> reports = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<SteadyRuns> steadies = SteadyRuns.ofInterleaved(measured);
        for (int k = 0; k < entries.size(); k++) {
            // %timeit's rules: runs on fresh memory (each snippet's own) and rounds that waited for a CPU (the same
            // rounds for every snippet) are left out and said so.
            SteadyRuns steady = steadies.get(k);
            TimeitRuns runs = steady.runs();
            SnippetList.Entry entry = entries.get(k);
            if (!quiet) {
                for (dev.perfshell.timing.Finding note : steady.notes())
                    console.dim("note: " + name(entry) + ": " + dev.perfshell.timing.FindingText.line(note));
            }
            List<dev.perfshell.timing.Finding> findings = new ArrayList<>(steady.warnings());
            findings.addAll(dev.perfshell.timing.TimeitFindings.of(
                    runs.evidence(1, floor, entry.code().matches("[{};\\s]*")), RunStatistics.of(runs.perOpNanos())));
            reports.add(TimeitReport.of(
                    resultLabel(entry),
                    entry.code(),
                    runs.loopsPerRun(),
                    runs.perOpNanos(),
                    runs.allocatedBytesPerOp(1),
                    runs.warmupNanos(),
                    runs.warmupRuns(),
                    runs.settled(),
                    findings));
            names.add(name(entry));
        }
        HeadToHead result = HeadToHead.of(names, reports);
        TimeitPlan plan = plan();
        for (int k = 0; k < reports.size(); k++) {
            TimeitReport report = reports.get(k);
            SteadyRuns steady = steadies.get(k);
            int position = k + 1;
            context.record(origin -> {
                ResultRecord timeit = TimeitDetails.record(report, setup, plan, freshOption.fresh, origin);
                java.util.Map<String, Object> params = new java.util.LinkedHashMap<>(timeit.params());
                params.put("snippets", entries.size());
                params.put("position", position);
                return TimeitDetails.withRunsLeftOut(
                        new ResultRecord(
                                "compare",
                                timeit.label(),
                                timeit.source(),
                                params,
                                timeit.script(),
                                timeit.line(),
                                timeit.warnings(),
                                timeit.metric(),
                                timeit.details()),
                        steady);
            });
        }
        // A warning several snippets share (a busy machine) is said once, naming them all.
        java.util.Map<String, List<String>> warnings = new java.util.LinkedHashMap<>();
        for (int k = 0; k < reports.size(); k++) {
            for (String warning : reports.get(k).warnings())
                warnings.computeIfAbsent(warning, w -> new ArrayList<>()).add(names.get(k));
        }
        warnings.forEach((warning, who) ->
                console.warn((who.size() == names.size() ? "all" : String.join(", ", who)) + ": " + warning));
        HeadToHeadRenderer.warnings(result).forEach(console::warn);
        if (!quiet) HeadToHeadRenderer.table(result, precision).forEach(console::println);
        HeadToHeadRenderer.summary(result).forEach(console::println);
        if (plot != null) {
            dev.perfshell.repl.plot.PlotFiles.writeAndSay(
                    console,
                    "%compare",
                    plot,
                    dev.perfshell.repl.plot.Plots.boxes(
                            "%compare: time per operation",
                            names,
                            reports.stream().map(TimeitReport::perOpNanos).toList()),
                    "%compare");
        }
    }

    /** Where setup goes: a snippet that declares a variable keeps it to itself. */
    static final String SETUP_HINT =
            "Next: setup the snippets share goes in --setup \"CODE\", after %%compare's options, or on the "
                    + "cell's first line; a snippet's own variables are its own.";

    private static boolean sessionVariable(Session session, String name) {
        jdk.jshell.JShell jshell = session.engine().jshell();
        return jshell.variables()
                .anyMatch(variable ->
                        variable.name().equals(name) && jshell.status(variable).isActive());
    }

    /**
     * A snippet's result's label: --label names the comparison, and each snippet's result is NAME/its label or letter,
     * so a later comparison finds each again; without --label, a snippet's own label or none.
     */
    private String resultLabel(SnippetList.Entry entry) {
        if (labelOption.label != null) return labelOption.label + "/" + entry.label();
        return entry.labelled() ? entry.label() : "";
    }

    /** The label, or the code itself, as hyperfine names a command by itself. */
    private static String name(SnippetList.Entry entry) {
        return entry.labelled() ? entry.label() : entry.code();
    }

    private String validate() {
        String problem = OptionRules.first(OptionRules.runPlan(loops, runs, budget), warmup.problem());
        if (problem != null) return problem;
        if (runs != null && runs == 1) return "-r must be at least 2 to compare runs, got 1";
        if (precision < 1 || precision > 15) return "-p must be between 1 and 15, got " + precision;
        if (plot != null) return dev.perfshell.repl.plot.PlotFiles.problem(plot);
        return null;
    }

    private TimeitPlan plan() {
        double seconds = budget != null ? budget : DEFAULT_BUDGET_SECONDS;
        return new TimeitPlan(
                (long) (seconds * 1e9),
                runs == null ? 0 : runs,
                loops == null ? 0 : loops,
                warmup.nanos(),
                warmup.runs(),
                1);
    }
}
