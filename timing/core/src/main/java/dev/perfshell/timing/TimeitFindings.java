package dev.perfshell.timing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code %timeit}'s findings beyond IPython's slowest-run rule, from the measured runs alone. Each rule asks for
 * evidence that the reported number is affected, not only that something happened: a warning that fires on right
 * answers teaches users to ignore the one that matters (docs/findings.md has each rule's record on a corpus with
 * JMH twins).
 */
public final class TimeitFindings {
    /** The 99.9% CI half-width, relative to the mean, above which the spread is called wide. */
    static final double WIDE_CI = 0.10;
    /** Page faults of the timing thread in a run above which the run wrote to never-touched memory. */
    public static final long FRESH_RUN_FAULTS = 16;
    /** Runs on fresh memory this much slower (medians) than the others make the spread the heap's doing. */
    public static final double FRESH_SLOWDOWN = 1.10;
    /** Linux's base page: what one minor fault of heap memory touches. */
    public static final long PAGE_BYTES = 4096;
    /**
     * A call within this factor of the empty loop's is indistinguishable from doing nothing. Folded and dead snippets
     * read 0.99-1.02× the empty loop on the warnings corpus; two additions of an escape-analysed record read 1.16×
     * (0.42 ns, as in JMH), and 1.15 called them empty.
     */
    static final double FLOOR_MARGIN = 1.10;
    /** Fewest runs for the drift rule: thirds of at least two runs. */
    static final int DRIFT_MIN_RUNS = 6;
    /** The thirds' medians must differ by this much as well as not overlap at all. */
    static final double DRIFT_RATIO = 1.10;

    private TimeitFindings() {}

    /** Everything the runs show, in the order they are printed. */
    public static List<Finding> of(RunEvidence runs, RunStatistics stats) {
        List<Finding> found = new ArrayList<>();
        ProfileCleaning profiles = runs.profiles();
        if (profiles != null && profiles.reset() && profiles.problem() != null) {
            found.add(Finding.of(Finding.Kind.PROFILES_NOT_RESET, "problem", profiles.problem()));
        } else if (profiles != null && profiles.reset() && profiles.classes() == 0 && profiles.failed() > 0) {
            found.add(Finding.of(
                    Finding.Kind.PROFILES_NOT_RESET,
                    "problem",
                    "none of " + profiles.failed() + " classes could be redefined"));
        }
        emptyLoop(runs, stats, found);
        if (runs.jitEvents() > 0)
            found.add(Finding.of(Finding.Kind.JIT_DURING_MEASUREMENT, "events", runs.jitEvents()));
        if (runs.loopWithoutC2()) found.add(Finding.of(Finding.Kind.NOT_COMPILED));
        drift(runs.perOpNanos(), found);
        // A young collection in some runs is not a finding: JMH's mean pays for the collections too (an allocating
        // snippet's cost includes them), and on the corpus the rule fired only on a right row (sort10k).
        if (runs.oldGcCount() > 0) found.add(Finding.of(Finding.Kind.OLD_GC, "collections", runs.oldGcCount()));
        Finding heap = freshMemory(runs.perOpNanos(), runs.pageFaults());
        if (heap != null) found.add(heap);
        wideSpread(runs, stats, found);
        return found;
    }

    /**
     * Compared per call of the snippet: the empty loop's floor is one call of nothing, and with {@code --ops N} one
     * call is N operations (a 1000-iteration loop at 0.03 ns per iteration is 30 ns a call, not "as fast as nothing").
     */
    private static void emptyLoop(RunEvidence runs, RunStatistics stats, List<Finding> found) {
        if (runs.emptySnippet() || Double.isNaN(runs.emptyLoopNanos())) return;
        double perCall = stats.median() * runs.opsPerInvocation();
        if (perCall < FLOOR_MARGIN * runs.emptyLoopNanos()) {
            found.add(Finding.of(
                    Finding.Kind.EMPTY_LOOP, "perCallNanos", perCall, "emptyLoopNanos", runs.emptyLoopNanos()));
        }
    }

    /**
     * The runs still changed during the measurement: every run of the last third lies beyond every run of the first
     * (all faster or all slower) and their medians differ by {@link #DRIFT_RATIO}. Noise alone almost never orders
     * two thirds completely; a JIT or heap that was still settling does.
     */
    static void drift(double[] perOp, List<Finding> found) {
        int n = perOp.length;
        if (n < DRIFT_MIN_RUNS) return;
        int third = n / 3;
        double[] first = Arrays.copyOfRange(perOp, 0, third);
        double[] last = Arrays.copyOfRange(perOp, n - third, n);
        double firstMin = Arrays.stream(first).min().orElseThrow();
        double firstMax = Arrays.stream(first).max().orElseThrow();
        double lastMin = Arrays.stream(last).min().orElseThrow();
        double lastMax = Arrays.stream(last).max().orElseThrow();
        boolean ordered = lastMax < firstMin || lastMin > firstMax;
        double ratio = RunStatistics.of(last).median() / RunStatistics.of(first).median();
        if (ordered && (ratio >= DRIFT_RATIO || ratio <= 1 / DRIFT_RATIO))
            found.add(Finding.of(Finding.Kind.DRIFT, "ratio", ratio));
    }

    /**
     * Runs that wrote to never-touched memory (G1 still growing the heap: each first touch of a page is a fault the
     * kernel answers by zeroing it), judged against the runs without: where faults are cheap they change nothing.
     */
    public static Finding freshMemory(double[] perOp, long[] faults) {
        if (faults == null
                || faults.length != perOp.length
                || Arrays.stream(faults).anyMatch(f -> f < 0)) return null;
        List<Double> onFresh = new ArrayList<>();
        List<Double> clean = new ArrayList<>();
        long freshPages = 0;
        for (int i = 0; i < perOp.length; i++) {
            if (faults[i] > FRESH_RUN_FAULTS) {
                onFresh.add(perOp[i]);
                freshPages += faults[i];
            } else {
                clean.add(perOp[i]);
            }
        }
        if (onFresh.isEmpty()) return null;
        double slowdown = clean.isEmpty() ? Double.NaN : median(onFresh) / median(clean);
        if (!clean.isEmpty() && slowdown < FRESH_SLOWDOWN) return null;
        return Finding.of(
                Finding.Kind.HEAP_GROWING,
                "runsOnFreshMemory",
                onFresh.size(),
                "runs",
                perOp.length,
                "freshBytes",
                freshPages * PAGE_BYTES,
                "slowdown",
                slowdown);
    }

    /**
     * The 99.9% interval of the mean is wide. The load average is a fact of this finding, not a finding of its own:
     * a busy machine matters when the runs show it.
     */
    private static void wideSpread(RunEvidence runs, RunStatistics stats, List<Finding> found) {
        if (stats.runs() < 3 || stats.mean() <= 0) return;
        double halfWidth = (stats.ciHigh() - stats.ciLow()) / 2 / stats.mean();
        if (halfWidth <= WIDE_CI) return;
        if (runs.loadAverage() > runs.cores()) {
            found.add(Finding.of(
                    Finding.Kind.WIDE_SPREAD,
                    "ciHalfWidthPercent",
                    halfWidth * 100,
                    "loadAverage",
                    runs.loadAverage(),
                    "cores",
                    runs.cores()));
        } else {
            found.add(Finding.of(Finding.Kind.WIDE_SPREAD, "ciHalfWidthPercent", halfWidth * 100));
        }
    }

    private static double median(List<Double> values) {
        return RunStatistics.of(values.stream().mapToDouble(Double::doubleValue).toArray())
                .median();
    }
}
