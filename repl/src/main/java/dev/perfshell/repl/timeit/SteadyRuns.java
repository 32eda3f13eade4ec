package dev.perfshell.repl.timeit;

import dev.perfshell.repl.link.TimeitRuns;
import dev.perfshell.timing.Finding;
import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.TimeitFindings;
import java.util.Arrays;

/**
 * The runs that measured the snippet in steady state. While G1 still grows the heap, an allocating snippet's run
 * writes to never-touched pages, and every first touch is a page fault (15 µs a page on this project's VMs:
 * {@code String.format} read 7 µs in such runs and 0.6 µs in the others, JMH 0.6 µs). Those runs time the heap's
 * growth, not the snippet, which a long-running program (or JMH's longer warm-up) has left behind: when enough runs
 * without faults remain, they alone make the figures, and a warning says how many were left out and why.
 *
 * @param runs    the runs to report
 * @param finding what was left out (a {@code heap-growing} finding with {@code leftOut}), or {@code null} when every run was kept
 * @param leftOutPerOpNanos the left-out runs' times, ns per operation, in run order (empty when every run was kept):
 *                the export keeps them, so that no run measured is lost from the record
 */
public record SteadyRuns(TimeitRuns runs, Finding finding, double[] leftOutPerOpNanos) {
    public SteadyRuns {
        leftOutPerOpNanos = leftOutPerOpNanos.clone();
    }

    private SteadyRuns(TimeitRuns all) {
        this(all, null, new double[0]);
    }

    @Override
    public double[] leftOutPerOpNanos() {
        return leftOutPerOpNanos.clone();
    }

    /** Fewest runs without faults that may stand for the measurement. */
    static final int MIN_STEADY_RUNS = 5;

    public static SteadyRuns of(TimeitRuns measured) {
        long[] faults = measured.pageFaults();
        double[] perOp = measured.perOpNanos();
        if (faults == null
                || faults.length != perOp.length
                || Arrays.stream(faults).anyMatch(f -> f < 0)) {
            return new SteadyRuns(measured);
        }
        boolean[] steady = new boolean[perOp.length];
        long freshPages = 0;
        for (int i = 0; i < perOp.length; i++) {
            steady[i] = faults[i] <= TimeitFindings.FRESH_RUN_FAULTS;
            if (!steady[i]) freshPages += faults[i];
        }
        TimeitRuns kept = measured.keep(steady);
        int left = perOp.length - kept.perOpNanos().length;
        if (left == 0 || kept.perOpNanos().length < MIN_STEADY_RUNS) return new SteadyRuns(measured);
        boolean[] fresh = new boolean[perOp.length];
        for (int i = 0; i < perOp.length; i++) fresh[i] = !steady[i];
        double slowdown = median(measured.keep(fresh)) / median(kept);
        if (slowdown < TimeitFindings.FRESH_SLOWDOWN) return new SteadyRuns(measured); // faults, but cheap ones
        return new SteadyRuns(
                kept,
                Finding.of(
                        Finding.Kind.HEAP_GROWING,
                        "runsOnFreshMemory",
                        left,
                        "runs",
                        perOp.length,
                        "freshBytes",
                        freshPages * TimeitFindings.PAGE_BYTES,
                        "slowdown",
                        slowdown,
                        "leftOut",
                        true),
                measured.keep(fresh).perOpNanos());
    }

    private static double median(TimeitRuns runs) {
        return RunStatistics.of(runs.perOpNanos()).median();
    }
}
