package dev.perfshell.repl.magic;

import dev.perfshell.repl.plot.PlotFiles;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.timeit.TimeitAnalysis;
import dev.perfshell.repl.timeit.TimeitDetails;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.util.function.Supplier;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * %timeit's options, a picocli mixin: picocli lists a mixin's options where the mixin is declared, in their order
 * here, so the help and Tab completion read as when the magic declared them itself. Also what the options mean for
 * a timing, the same for one and for each value of a sweep: the one-line problem of a combination ({@link #problem}),
 * the plan of the runs ({@link #plan}), the analysis ({@link #analysis}) and the result it records ({@link #record}).
 */
final class TimeitOptions {
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

    @Mixin
    PrecisionOption precisionOption = new PrecisionOption();

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

    @Option(
            names = "--why",
            description = "Also say what the JIT did to the snippet's code, as %%why does: inlining refused, receiver"
                    + " types, deoptimisations, escape analysis, on-stack replacement.")
    boolean why;

    /** The first problem of the options as given, in one line, or {@code null}. */
    String problem() {
        return OptionRules.first(
                OptionRules.runPlan(loops, runs, budget),
                OptionRules.atLeastOne("--ops", ops),
                warmup.problem(),
                precisionOption.problem(),
                param != null && bind != null
                        ? "-o binds one result, and --param makes one per value; use --label and %results save (or perfshell run --json) for a sweep's figures"
                        : null,
                plot == null ? null : PlotFiles.problem(plot),
                why && param != null
                        ? "--why explains one timing, and --param makes one per value; drop one of them"
                        : null);
    }

    /** The runs asked for; a 0 leaves that value to the plan's default. */
    TimeitPlan plan() {
        return new TimeitPlan(
                budget == null ? 0 : (long) (budget * 1e9),
                runs == null ? 0 : runs,
                loops == null ? 0 : loops,
                warmup.nanos(),
                warmup.runs(),
                ops);
    }

    int precision() {
        return precisionOption.precision;
    }

    boolean fresh() {
        return freshOption.fresh;
    }

    /** {@code --label}, empty for none, as a report's label is. */
    String label() {
        return labelOption.label == null ? "" : labelOption.label;
    }

    /** The analysis of this call's runs: its folding controls get fresh class names, its report the label. */
    TimeitAnalysis analysis(Session session, Supplier<String> controlClassNames) {
        return new TimeitAnalysis(session, keepProfiles, controlClassNames, label());
    }

    /**
     * One timing's result: {@code --fresh} and {@code --keep-profiles} are part of what shaped the number, so it is
     * exported with them, and the runs the figures leave out stay beside the reported ones.
     *
     * @param plan the plan asked for, whose non-default values are the params
     */
    ResultRecord record(TimeitAnalysis.Analysed analysed, String setup, TimeitPlan plan, ResultOrigin origin) {
        ResultRecord record = TimeitDetails.record(analysed.report(), setup, plan, fresh(), origin);
        if (keepProfiles) record = record.withParam("keepProfiles", true);
        return TimeitDetails.withRunsLeftOut(record, analysed.steady());
    }
}
