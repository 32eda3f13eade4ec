package dev.perfshell.repl.timeit;

import dev.perfshell.repl.engine.TimeitRuns;
import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.Units;

import java.util.Arrays;
import java.util.Locale;

/**
 * The runs that measured the snippet in steady state. While G1 still grows the heap, an allocating snippet's run
 * writes to never-touched pages, and every first touch is a page fault (15 µs a page on this project's VMs:
 * {@code String.format} read 7 µs in such runs and 0.6 µs in the others, JMH 0.6 µs). Those runs time the heap's
 * growth, not the snippet, which a long-running program (or JMH's longer warm-up) has left behind: when enough runs
 * without faults remain, they alone make the figures, and a warning says how many were left out and why.
 *
 * @param runs    the runs to report
 * @param warning what was left out, or {@code null} when every run was kept
 */
public record SteadyRuns(TimeitRuns runs, String warning) {
    /** Fewest runs without faults that may stand for the measurement. */
    static final int MIN_STEADY_RUNS = 5;

    public static SteadyRuns of(TimeitRuns measured) {
        long[] faults = measured.pageFaults();
        double[] perOp = measured.perOpNanos();
        if (faults == null || faults.length != perOp.length || Arrays.stream(faults).anyMatch(f -> f < 0)) {
            return new SteadyRuns(measured, null);
        }
        boolean[] steady = new boolean[perOp.length];
        long freshPages = 0;
        for (int i = 0; i < perOp.length; i++) {
            steady[i] = faults[i] <= TimeitWarnings.FRESH_RUN_FAULTS;
            if (!steady[i]) freshPages += faults[i];
        }
        TimeitRuns kept = measured.keep(steady);
        int left = perOp.length - kept.perOpNanos().length;
        if (left == 0 || kept.perOpNanos().length < MIN_STEADY_RUNS) return new SteadyRuns(measured, null);
        boolean[] fresh = new boolean[perOp.length];
        for (int i = 0; i < perOp.length; i++) fresh[i] = !steady[i];
        double slowdown = median(measured.keep(fresh)) / median(kept);
        if (slowdown < TimeitWarnings.FRESH_SLOWDOWN) return new SteadyRuns(measured, null); // faults, but cheap ones
        return new SteadyRuns(kept, String.format(Locale.ROOT, "The heap was still growing: %d of %d runs wrote to never-touched "
                + "memory (%s, page faults) and were %.1f× slower; they were left out, the figures are from the other %d runs. "
                + "Next: a larger --budget, or a fixed, pre-touched heap: start perfshell with -R -Xms1g -R -Xmx1g -R -XX:+AlwaysPreTouch.",
                left, perOp.length, Units.bytes(freshPages * 4096), slowdown, kept.perOpNanos().length));
    }

    private static double median(TimeitRuns runs) {
        return RunStatistics.of(runs.perOpNanos()).median();
    }
}
