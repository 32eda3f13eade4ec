package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.link.TimeitRuns;
import dev.perfshell.repl.plot.TimeitPlots;
import dev.perfshell.repl.render.SweepRenderer;
import dev.perfshell.repl.render.TimeitRenderer;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.results.SweepFit;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.timeit.BlackholeWarnings;
import dev.perfshell.repl.timeit.ParamSweep;
import dev.perfshell.repl.timeit.SteadyRuns;
import dev.perfshell.repl.timeit.SweepClasses;
import dev.perfshell.repl.timeit.SweepFindings;
import dev.perfshell.repl.timeit.SweepSchedule;
import dev.perfshell.repl.timeit.TimedSnippet;
import dev.perfshell.repl.timeit.TimedSourceBuilder;
import dev.perfshell.repl.timeit.TimeitAnalysis;
import dev.perfshell.repl.timeit.TimeitDetails;
import dev.perfshell.repl.timeit.TimingFailure;
import dev.perfshell.timing.Finding;
import dev.perfshell.timing.TimeitReport;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code %timeit [options] SNIPPET} and {@code %%timeit [options] [SETUP]} with the body on the
 * following lines: JIT-aware timing in JMH's stub shape, IPython's output line, and with
 * {@code -v} the statistics that say how far to trust it.
 */
@Command(
        name = "timeit",
        description = "Time a snippet in JMH's loop shape: IPython's mean ± std. dev. line; -v for full statistics.",
        footer = {
            "",
            "The snippet sees the whole session. An expression's value is consumed by JMH's Blackhole; in a statement or block every top-level local is consumed. Setup values (%%%%timeit's first line, --setup) become fields and run before each run, untimed.",
            "",
            "Statistics: ± is the population standard deviation of the per-run means (IPython); MAD is scaled by 1.4826; the 99.9%% confidence interval of the mean is Student's t, as JMH computes its Error."
        })
final class TimeitMagic extends SetupCellMagic {
    private static final AtomicInteger CLASS_NUMBERS = new AtomicInteger();

    @Option(
            names = "-n",
            paramLabel = "LOOPS",
            description = "Operations per run (default: runs are time-boxed, as in JMH).")
    Long loops;

    @Option(
            names = "-r",
            paramLabel = "RUNS",
            description = "Measured runs (default 20, fewer when one operation is long).")
    Integer runs;

    @Option(names = "-q", description = "Quiet: print nothing (use with -o).")
    boolean quiet;

    @Option(names = "-p", paramLabel = "PRECISION", defaultValue = "3", description = "Significant digits (default 3).")
    int precision;

    @Option(
            names = {"-o", "--bind"},
            arity = "0..1",
            fallbackValue = "",
            paramLabel = "NAME",
            description =
                    "Bind the result (TimeitResult: mean(), median(), stdev(), best(), worst(), runs(), loops()) to NAME or $tN.")
    String bind;

    @Mixin
    WarmupOption warmup = new WarmupOption();

    @Option(
            names = "--budget",
            paramLabel = "SECONDS",
            description = "Target duration of the whole call (default 1.3; a --param sweep's whole, default 2).")
    Double budget;

    @Option(
            names = "--ops",
            paramLabel = "N",
            defaultValue = "1",
            description = "Operations one snippet call performs (JMH's @OperationsPerInvocation).")
    long ops;

    @Option(
            names = {"-v", "--verbose"},
            description = "Median ± MAD, min, max, 99.9%% CI, percentiles, outliers, histogram, B/op, warm-up.")
    boolean verbose;

    @Mixin
    LabelOption labelOption = new LabelOption();

    @Mixin
    FreshOption freshOption = new FreshOption();

    @Option(
            names = "--keep-profiles",
            description =
                    "Time with the JIT profiles earlier code left in this engine. By default "
                            + "they are reset first (classes redefined with their own bytes), so the snippet reads what a forked JVM would.")
    boolean keepProfiles;

    @Option(
            names = "--setup",
            paramLabel = "CODE",
            description = "Setup code run before each run, untimed; its variables become fields.")
    String setupOption;

    @Option(
            names = "--plot",
            paramLabel = "FILE.svg|FILE.html",
            description = "Also draw a histogram of the runs with mean, median and CI (self-contained, no network).")
    String plot;

    @Option(
            names = "--param",
            paramLabel = "NAME=VALUES",
            description =
                    "Sweep: time the snippet at each value (n=10,100,1000 or "
                            + "n=10..100000:x10); the snippet and setup read NAME, a field. One line per value, then the fitted complexity.")
    String param;

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        String code = requiredCode(input, console, "%timeit needs code to time. Example: %timeit map.get(key)");
        if (code == null) return false;
        String problem = validate();
        if (problem != null) {
            console.error("%timeit: " + problem);
            return false;
        }
        String setup = dev.perfshell.repl.timeit.JavaStatements.setup(input.cell() ? input.code() : "", setupOption);
        ParamSweep sweep = null;
        if (param != null) {
            try {
                sweep = ParamSweep.parse(param);
                sweep.checkSetup(setup);
            } catch (ParamSweep.BadSweep e) {
                console.error("%timeit: " + e.getMessage());
                return false;
            }
        }
        try {
            if (!freshOption.fresh)
                return sweep == null
                        ? time(context, context.session(), code, setup)
                        : sweep(context, context.session(), code, setup, sweep);
            // Code that does not compile is said before a whole session is replayed into a new engine for nothing
            // (the fuzz test found a session of a thousand snippets replayed for every broken --fresh line).
            List<String> errors = TimedSnippet.check(
                    context.session(),
                    "PerfshellCheck" + CLASS_NUMBERS.incrementAndGet(),
                    code,
                    setup,
                    sweep == null
                            ? List.of()
                            : List.of(sweep.field(sweep.values().get(0))));
            if (!errors.isEmpty()) {
                errors.forEach(console::error);
                return false;
            }
            console.dim("--fresh: starting a new engine with the replayed session...");
            try (Session.FreshSession copy = context.session().fresh()) {
                copy.lost().forEach(lost -> console.warn("Not in the fresh engine: " + lost));
                return sweep == null
                        ? time(context, copy.session(), code, setup)
                        : sweep(context, copy.session(), code, setup, sweep);
            }
        } catch (TimedSourceBuilder.SetupTypeException e) {
            console.error("%timeit: " + e.getMessage());
            return false;
        }
    }

    private boolean time(MagicContext context, Session session, String code, String setup) throws Exception {
        Console console = context.console();
        BlackholeWarnings.ensure(session).forEach(console::warn);
        try (TimedSnippet timed =
                TimedSnippet.declare(session, "PerfshellTimed" + CLASS_NUMBERS.incrementAndGet(), code, setup, false)) {
            if (!timed.ok()) {
                timed.errors().forEach(console::error);
                return false;
            }
            TimeitPlan plan = plan();
            TimeitRuns measured;
            try {
                measured = session.request(EngineRequest.timeit(timed.binaryName(), plan, true, keepProfiles));
            } catch (EngineException e) {
                TimingFailure.of(session, e).ifPresent(console::error);
                return false;
            }
            TimeitAnalysis.Analysed analysed = analysis(session).of(timed, code, setup, measured, plan, List.of());
            SteadyRuns steady = analysed.steady();
            sayNotes(console, steady);
            TimeitReport report = analysed.report();
            context.record(origin -> TimeitDetails.withRunsLeftOut(
                    withKeepProfiles(TimeitDetails.record(report, setup, plan, freshOption.fresh, origin)), steady));
            if (!quiet) print(console, report, steady.runs());
            if (plot != null) TimeitPlots.histogram(console, plot, report);
            return bind == null
                    || context.binder()
                            .bind('t', bind, TimeitRenderer.constructor(report), context.evaluator(), console);
        }
    }

    /**
     * {@code --param}: one generated class per value, the parameter a field initialised to it (never a local:
     * a local is hoisted out of the loop), each timed like a single %timeit on {@link SweepSchedule}'s passes;
     * one line per value, then the complexity fitted to the medians. A value that fails to compile ends the
     * sweep before anything runs; one that throws ends it without results.
     */
    private boolean sweep(MagicContext context, Session session, String code, String setup, ParamSweep sweep)
            throws Exception {
        Console console = context.console();
        BlackholeWarnings.ensure(session).forEach(console::warn);
        TimeitPlan asked = plan();
        int count = sweep.values().size();
        SweepSchedule schedule = SweepSchedule.of(asked, count);
        TimeitPlan plan = schedule.plan();
        try (SweepClasses classes = SweepClasses.declare(
                session, sweep, code, setup, () -> "PerfshellTimed" + CLASS_NUMBERS.incrementAndGet())) {
            if (!classes.errors().isEmpty()) {
                classes.errors().forEach(console::error);
                return false;
            }
            if (!quiet) console.dim(SweepRenderer.timing(sweep.name(), count, schedule.twoPasses()));
            TimeitRuns[] both;
            try {
                both = schedule.measure(session, classes.binaryNames(), keepProfiles);
            } catch (SweepSchedule.ValueFailed e) {
                long failedAt = sweep.values().get(e.index());
                TimingFailure.atValue(session, e.getMessage(), sweep.name(), failedAt)
                        .ifPresent(console::error);
                return false;
            }
            List<Double> medians = new ArrayList<>();
            List<Function<ResultOrigin, ResultRecord>> done = new ArrayList<>();
            SweepFindings findings = new SweepFindings();
            TimeitAnalysis analysis = analysis(session);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long value = sweep.values().get(i);
                TimeitRuns measured = both[i];
                TimeitAnalysis.Analysed analysed =
                        analysis.of(classes.get(i), code, setup, measured, plan, List.of(sweep.field(value)));
                SteadyRuns steady = analysed.steady();
                sayNotes(console, steady);
                TimeitReport report = analysed.report();
                medians.add(report.stats().median());
                done.add(origin -> TimeitDetails.withRunsLeftOut(
                        withKeepProfiles(TimeitDetails.record(report, setup, asked, freshOption.fresh, origin))
                                .withParam(sweep.paramKey(), value),
                        steady));
                findings.add(value, report.findings());
                if (!measured.note().isEmpty())
                    lines.add("note: " + sweep.name() + "=" + value + ": " + measured.note());
                String prefix = SweepRenderer.prefix(sweep.name(), value, sweep.values());
                TimeitRenderer.line(report, precision).forEach(line -> lines.add(prefix + line));
                if (verbose) TimeitRenderer.verbose(report, precision).forEach(line -> lines.add("    " + line));
            }
            if (!quiet) {
                findings.warnings(sweep.name()).forEach(console::warn);
                lines.forEach(line -> {
                    if (line.startsWith("note: ")) console.dim(line);
                    else console.println(line);
                });
            }
            SweepFit fit = SweepFit.of(sweep.name(), sweep.values(), medians, "ns/op");
            context.recordSweep(done, fit);
            if (!quiet) console.println(SweepRenderer.fit(fit));
            if (plot != null)
                TimeitPlots.sweep(
                        console, plot, code, fit, SweepRenderer.fit(fit).strip());
            return true;
        }
    }

    /** {@code --keep-profiles} is part of what shaped the number: exported with it. */
    private ResultRecord withKeepProfiles(ResultRecord record) {
        return keepProfiles ? record.withParam("keepProfiles", true) : record;
    }

    private String validate() {
        String problem = OptionRules.first(
                OptionRules.runPlan(loops, runs, budget), OptionRules.atLeastOne("--ops", ops), warmup.problem());
        if (problem != null) return problem;
        if (precision < 1 || precision > 15) return "-p must be between 1 and 15, got " + precision;
        if (param != null && bind != null) {
            return "-o binds one result, and --param makes one per value; use --label and %results save (or perfshell run --json) for a sweep's figures";
        }
        if (plot != null) return dev.perfshell.repl.plot.PlotFiles.problem(plot);
        return null;
    }

    private TimeitPlan plan() {
        return new TimeitPlan(
                budget == null ? 0 : (long) (budget * 1e9),
                runs == null ? 0 : runs,
                loops == null ? 0 : loops,
                warmup.nanos(),
                warmup.runs(),
                ops); // 0: the default, chosen by the plan
    }

    /** The analysis of this call's runs: its folding controls get fresh class names, its report the label. */
    private TimeitAnalysis analysis(Session session) {
        return new TimeitAnalysis(
                session,
                keepProfiles,
                () -> "PerfshellControl" + CLASS_NUMBERS.incrementAndGet(),
                labelOption.label == null ? "" : labelOption.label);
    }

    /** Runs left out (fresh memory, waiting for a CPU) are a note, not a finding: the figures come from the others. */
    private void sayNotes(Console console, SteadyRuns steady) {
        if (quiet) return;
        for (Finding note : steady.notes()) console.dim("note: " + dev.perfshell.timing.FindingText.line(note));
    }

    private void print(Console console, TimeitReport report, TimeitRuns measured) {
        TimeitRenderer.warnings(report).forEach(console::warn);
        if (!measured.note().isEmpty()) console.dim("note: " + measured.note());
        TimeitRenderer.line(report, precision).forEach(console::println);
        if (verbose) {
            TimeitRenderer.verbose(report, precision).forEach(console::println);
            TimeitRenderer.engine(measured).forEach(console::println);
            TimeitRenderer.profilesNote(report, measured, freshOption.fresh).ifPresent(console::dim);
        }
    }
}
