package dev.perfshell.repl.timeit;

import dev.perfshell.repl.engine.TimeitRuns;
import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.Units;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code %timeit}'s warnings beyond IPython's slowest-run rule: one line each, only when true
 * (a warning users learn to ignore is worse than none).
 */
public final class TimeitWarnings {
    /** How the busy-machine warning starts: a sweep prints it once, not once per value. */
    public static final String BUSY = "The machine is busy";
    /** The 99.9% CI half-width, relative to the mean, above which the spread is called wide. */
    static final double WIDE_CI = 0.10;
    /** GC time in one run, relative to the run, that makes the runs uneven when the median run had none (young GCs of an allocating snippet take ~10%: JMH amortises them, so do we). */
    static final double UNEVEN_GC = 0.20;
    /** Page faults of the timing thread in a run above which the run wrote to never-touched memory. */
    static final long FRESH_RUN_FAULTS = 16;
    /** Runs on fresh memory this much slower (medians) than the others make the spread the heap's doing. */
    static final double FRESH_SLOWDOWN = 1.10;
    private static final long PAGE_BYTES = 4096;
    /** A median within this factor of the empty loop is indistinguishable from doing nothing. */
    static final double FLOOR_MARGIN = 1.15;

    private TimeitWarnings() {}

    /**
     * @param emptyLoopNanos the engine's empty-loop floor from the blackhole self-check, or NaN
     * @param emptySnippet   the snippet is empty on purpose ({@code %timeit {}}): no floor warning
     */
    public static List<String> of(TimeitRuns runs, RunStatistics stats, double emptyLoopNanos, boolean emptySnippet) {
        List<String> warnings = new ArrayList<>();
        if (!emptySnippet && !Double.isNaN(emptyLoopNanos) && stats.median() < FLOOR_MARGIN * emptyLoopNanos) {
            warnings.add(String.format(Locale.ROOT, "As fast as an empty loop (%s vs %s): the work may have been folded to a constant "
                    + "or removed. Next: make inputs come from variables or setup, not literals.",
                    Units.time(stats.median()), Units.time(emptyLoopNanos)));
        }
        if (!runs.settled() && runs.warmupRuns() > 1) {
            warnings.add(String.format(Locale.ROOT,
                    "Warm-up did not settle in %s (%d runs): the per-run times were still changing (the JIT was still compiling?). "
                            + "Next: a larger --budget, or --warmup 3.", Units.time(runs.warmupNanos()), runs.warmupRuns()));
        }
        if (runs.jitEvents() > 0) {
            warnings.add("The snippet's code was compiled or deoptimised " + runs.jitEvents() + (runs.jitEvents() == 1 ? " time" : " times")
                    + " during the measurement, so the runs did not all run the same code. Next: --warmup 2 or a larger --budget.");
        }
        if (runs.oldGcCount() > 0) {
            warnings.add("An old-generation GC ran during the measurement, so some runs include a full collection. "
                    + "Next: -v shows the runs; -R -Xmx4g gives the heap room.");
        } else if (unevenGc(runs)) {
            warnings.add("GC time was uneven across runs (up to " + Arrays.stream(runs.gcMillis()).max().orElse(0)
                    + " ms in one run): the mean includes collections some runs did not pay for.");
        }
        String fresh = freshMemory(runs);
        if (fresh != null) warnings.add(fresh);
        if (stats.runs() >= 3 && stats.mean() > 0) {
            double halfWidth = (stats.ciHigh() - stats.ciLow()) / 2 / stats.mean();
            if (halfWidth > WIDE_CI) {
                warnings.add(String.format(Locale.ROOT, "The spread is wide: the 99.9%% confidence interval of the mean is ±%.0f%%. "
                        + "The machine may be busy; -v shows the runs.", halfWidth * 100));
            }
        }
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        if (load > cores) {
            warnings.add(String.format(Locale.ROOT, BUSY + " (load average %.1f on %d cores): timings may be noisy.", load, cores));
        }
        return warnings;
    }

    /**
     * Runs that wrote to never-touched memory: G1 was still growing the heap, and each first touch of a
     * page is a fault the kernel answers by zeroing it. Judged by the runs themselves: those on fresh
     * memory against those without, so the warning holds where faults are cheap and where they are dear.
     */
    static String freshMemory(TimeitRuns runs) {
        long[] faults = runs.pageFaults();
        double[] perOp = runs.perOpNanos();
        if (faults == null || faults.length != perOp.length || Arrays.stream(faults).anyMatch(f -> f < 0)) return null;
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
        String written = Units.bytes(freshPages * PAGE_BYTES);
        // A fixed heap touched once at start: what made a boxed sum read 35 µs instead of 551-677 µs here.
        String next = " Next: a larger --budget (until the heap stops growing), or a fixed, pre-touched heap: "
                + "start perfshell with -R -Xms1g -R -Xmx1g -R -XX:+AlwaysPreTouch.";
        if (clean.isEmpty()) {
            return "The heap was still growing: every run wrote to never-touched memory (" + written
                    + " in all, page faults), and the times include the faults." + next;
        }
        double slowdown = median(onFresh) / median(clean);
        if (slowdown < FRESH_SLOWDOWN) return null;
        return String.format(Locale.ROOT, "The heap was still growing: %d of %d runs wrote to never-touched memory (%s, page faults) "
                + "and were %.1f× slower than the others.", onFresh.size(), perOp.length, written, slowdown) + next;
    }

    private static double median(List<Double> values) {
        return RunStatistics.of(values.stream().mapToDouble(Double::doubleValue).toArray()).median();
    }

    private static boolean unevenGc(TimeitRuns runs) {
        long[] gc = runs.gcMillis().clone();
        if (gc.length < 3) return false;
        Arrays.sort(gc);
        long median = gc[gc.length / 2];
        double meanRunMillis = Arrays.stream(runs.perOpNanos()).sum() / runs.perOpNanos().length * runs.loopsPerRun() / 1e6;
        return median == 0 && gc[gc.length - 1] > UNEVEN_GC * meanRunMillis;
    }
}
