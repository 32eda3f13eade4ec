package dev.perfshell.repl.magic;

import dev.perfshell.repl.plot.PlotFiles;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.timeit.SnippetList;
import dev.perfshell.repl.timeit.TimeitAnalysis;
import dev.perfshell.repl.timeit.TimeitDetails;
import dev.perfshell.timing.runtime.TimeitPlan;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * %compare's options, a picocli mixin whose options picocli lists where it is declared, in their order here. Those
 * that mean what %timeit's mean are its mixins ({@code --warmup}, {@code -p}, {@code --label}, {@code --fresh});
 * {@code -n}, {@code -r}, {@code --budget} and {@code -q} are %compare's own, said for a head-to-head. Also the
 * one-line problem of a combination ({@link #problem}), the plan every snippet runs on ({@link #plan}), and each
 * snippet's label and result.
 */
final class CompareOptions {
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

    @Mixin
    PrecisionOption precisionOption = new PrecisionOption();

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

    /** The first problem of the options as given, in one line, or {@code null}. */
    String problem() {
        return OptionRules.first(
                OptionRules.runPlan(loops, runs, budget),
                warmup.problem(),
                runs != null && runs == 1 ? "-r must be at least 2 to compare runs, got 1" : null,
                precisionOption.problem(),
                plot == null ? null : PlotFiles.problem(plot));
    }

    /** The plan every snippet runs on: a 0 leaves that value to the plan's default. */
    TimeitPlan plan() {
        double seconds = budget != null ? budget : DEFAULT_BUDGET_SECONDS;
        return new TimeitPlan(
                (long) (seconds * 1e9),
                runs == null ? 0 : runs,
                loops == null ? 0 : loops,
                warmup.nanos(),
                warmup.runs(),
                1);
    }

    int precision() {
        return precisionOption.precision;
    }

    boolean fresh() {
        return freshOption.fresh;
    }

    /**
     * A snippet's result's label: --label names the comparison, and each snippet's result is NAME/its label or letter,
     * so a later comparison finds each again; without --label, a snippet's own label or none.
     */
    String resultLabel(SnippetList.Entry entry) {
        if (labelOption.label != null) return labelOption.label + "/" + entry.label();
        return entry.labelled() ? entry.label() : "";
    }

    /**
     * A snippet's result: %timeit's record of it as %compare's, with the runs its figures leave out.
     *
     * @param snippets how many snippets were compared
     * @param position the snippet's place among them, from 1
     */
    ResultRecord record(
            TimeitAnalysis.Analysed analysed, String setup, int snippets, int position, ResultOrigin origin) {
        ResultRecord timeit = TimeitDetails.record(analysed.report(), setup, plan(), fresh(), origin);
        return TimeitDetails.withRunsLeftOut(TimeitDetails.compared(timeit, snippets, position), analysed.steady());
    }
}
