package dev.perfshell.timing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything one {@code %timeit} measured, on the front side. Rendered by {@code TimeitRenderer};
 * {@code -o} binds the engine-side {@code dev.perfshell.timing.runtime.TimeitResult} rebuilt from it.
 *
 * @param label              what was timed, for headings (e.g. the statement, shortened); may be empty
 * @param source             the timed source text
 * @param loopsPerRun        operations per run: the mean number per run, rounded (IPython's {@code loops})
 * @param perOpNanos         one value per run: nanoseconds per operation (IPython's {@code timings})
 * @param stats              statistics of {@code perOpNanos}
 * @param allocatedBytesPerOp bytes allocated per operation by the timing thread; NaN when unknown
 * @param warmupNanos        time spent warming up before the timed runs
 * @param warmupRuns         warm-up runs
 * @param warmupSettled      whether the warm-up ended because the per-op time stopped falling (JIT settled)
 * @param warnings           lines the caller prints before the result (e.g. the slowest-run warning)
 */
public record TimeitReport(String label, String source, long loopsPerRun, double[] perOpNanos, RunStatistics stats,
                           double allocatedBytesPerOp, long warmupNanos, int warmupRuns, boolean warmupSettled,
                           List<String> warnings) {

    /** IPython's threshold: the warning needs the slowest run above 1 µs per loop. */
    public static final double SLOWEST_RUN_FLOOR_NANOS = 1_000;
    /** IPython's ratio: slowest more than 4 × the fastest. */
    public static final double SLOWEST_RUN_RATIO = 4;

    public TimeitReport {
        Objects.requireNonNull(perOpNanos, "perOpNanos");
        Objects.requireNonNull(stats, "stats");
        if (perOpNanos.length != stats.runs()) {
            throw new IllegalArgumentException(perOpNanos.length + " run times but statistics of " + stats.runs());
        }
        label = label == null ? "" : label;
        source = source == null ? "" : source;
        perOpNanos = perOpNanos.clone();
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * Computes the statistics and IPython's slowest-run warning ({@link #slowestRunWarning}), followed by
     * {@code extraWarnings}.
     */
    public static TimeitReport of(String label, String source, long loopsPerRun, double[] perOpNanos,
                                  double allocatedBytesPerOp, long warmupNanos, int warmupRuns, boolean warmupSettled,
                                  List<String> extraWarnings) {
        List<String> warnings = new ArrayList<>(slowestRunWarning(perOpNanos));
        if (extraWarnings != null) warnings.addAll(extraWarnings);
        return new TimeitReport(label, source, loopsPerRun, perOpNanos, RunStatistics.of(perOpNanos),
                allocatedBytesPerOp, warmupNanos, warmupRuns, warmupSettled, warnings);
    }

    /** A copy of the per-run times, ns per operation. */
    @Override
    public double[] perOpNanos() {
        return perOpNanos.clone();
    }

    public int runs() {
        return perOpNanos.length;
    }

    public boolean allocationKnown() {
        return !Double.isNaN(allocatedBytesPerOp);
    }

    /**
     * IPython's rule (ipython-peers.md §2.1, ipython/ipython#6471) on per-operation times: when
     * worst &gt; 4 × best, best &gt; 0 and worst &gt; 1 µs, one line
     * {@code The slowest run took 5.12 times longer than the fastest. ...}; otherwise none.
     * The ratio is printed as Python's {@code %0.2f} (round half even on the exact binary value).
     */
    public static List<String> slowestRunWarning(double[] perOpNanos) {
        if (perOpNanos == null || perOpNanos.length == 0) return List.of();
        double best = Arrays.stream(perOpNanos).min().orElseThrow();
        double worst = Arrays.stream(perOpNanos).max().orElseThrow();
        if (!(worst > SLOWEST_RUN_RATIO * best && best > 0 && worst > SLOWEST_RUN_FLOOR_NANOS)) return List.of();
        String ratio = new BigDecimal(worst / best).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
        return List.of("The slowest run took " + ratio + " times longer than the fastest. This could mean that"
                + " an intermediate result is being cached, the JIT recompiled the code, or a GC hit one run.");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeitReport r && label.equals(r.label) && source.equals(r.source)
                && loopsPerRun == r.loopsPerRun && Arrays.equals(perOpNanos, r.perOpNanos) && stats.equals(r.stats)
                && Double.compare(allocatedBytesPerOp, r.allocatedBytesPerOp) == 0 && warmupNanos == r.warmupNanos
                && warmupRuns == r.warmupRuns && warmupSettled == r.warmupSettled && warnings.equals(r.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(label, source, loopsPerRun, Arrays.hashCode(perOpNanos), stats, allocatedBytesPerOp,
                warmupNanos, warmupRuns, warmupSettled, warnings);
    }

    @Override
    public String toString() {
        return "TimeitReport[label=" + label + ", source=" + source + ", loopsPerRun=" + loopsPerRun
                + ", perOpNanos=" + Arrays.toString(perOpNanos) + ", stats=" + stats
                + ", allocatedBytesPerOp=" + allocatedBytesPerOp + ", warmupNanos=" + warmupNanos
                + ", warmupRuns=" + warmupRuns + ", warmupSettled=" + warmupSettled + ", warnings=" + warnings + "]";
    }
}
