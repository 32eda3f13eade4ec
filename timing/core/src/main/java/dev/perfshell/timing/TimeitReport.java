package dev.perfshell.timing;

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
 * @param findings           what the runs showed about trusting them, IPython's slowest-run rule first
 * @param warnings           the findings as the lines printed before the result ({@link FindingText})
 */
public record TimeitReport(
        String label,
        String source,
        long loopsPerRun,
        double[] perOpNanos,
        RunStatistics stats,
        double allocatedBytesPerOp,
        long warmupNanos,
        int warmupRuns,
        boolean warmupSettled,
        List<Finding> findings,
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
        findings = findings == null ? List.of() : List.copyOf(findings);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * Computes the statistics and IPython's slowest-run finding ({@link #slowestRun}), followed by {@code more};
     * the warning lines are the findings' text.
     */
    public static TimeitReport of(
            String label,
            String source,
            long loopsPerRun,
            double[] perOpNanos,
            double allocatedBytesPerOp,
            long warmupNanos,
            int warmupRuns,
            boolean warmupSettled,
            List<Finding> more) {
        List<Finding> findings = new ArrayList<>(slowestRun(perOpNanos));
        if (more != null) findings.addAll(more);
        return new TimeitReport(
                label,
                source,
                loopsPerRun,
                perOpNanos,
                RunStatistics.of(perOpNanos),
                allocatedBytesPerOp,
                warmupNanos,
                warmupRuns,
                warmupSettled,
                findings,
                findings.stream().map(FindingText::line).toList());
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
     * IPython's rule (ipython/ipython#6471) on per-operation times: when
     * worst &gt; 4 × best, best &gt; 0 and worst &gt; 1 µs, one line
     * {@code The slowest run took 5.12 times longer than the fastest. ...}; otherwise none.
     * The ratio is printed as Python's {@code %0.2f} (round half even on the exact binary value).
     */
    public static List<String> slowestRunWarning(double[] perOpNanos) {
        return slowestRun(perOpNanos).stream().map(FindingText::line).toList();
    }

    /** {@link #slowestRunWarning}'s rule as a finding: its fact is the ratio of the slowest run to the fastest. */
    public static List<Finding> slowestRun(double[] perOpNanos) {
        if (perOpNanos == null || perOpNanos.length == 0) return List.of();
        double best = Arrays.stream(perOpNanos).min().orElseThrow();
        double worst = Arrays.stream(perOpNanos).max().orElseThrow();
        if (!(worst > SLOWEST_RUN_RATIO * best && best > 0 && worst > SLOWEST_RUN_FLOOR_NANOS)) return List.of();
        return List.of(Finding.of(Finding.Kind.SLOWEST_RUN, "ratio", worst / best));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeitReport r
                && label.equals(r.label)
                && source.equals(r.source)
                && loopsPerRun == r.loopsPerRun
                && Arrays.equals(perOpNanos, r.perOpNanos)
                && stats.equals(r.stats)
                && Double.compare(allocatedBytesPerOp, r.allocatedBytesPerOp) == 0
                && warmupNanos == r.warmupNanos
                && warmupRuns == r.warmupRuns
                && warmupSettled == r.warmupSettled
                && findings.equals(r.findings)
                && warnings.equals(r.warnings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                label,
                source,
                loopsPerRun,
                Arrays.hashCode(perOpNanos),
                stats,
                allocatedBytesPerOp,
                warmupNanos,
                warmupRuns,
                warmupSettled,
                findings,
                warnings);
    }

    @Override
    public String toString() {
        return "TimeitReport[label=" + label + ", source=" + source + ", loopsPerRun=" + loopsPerRun
                + ", perOpNanos=" + Arrays.toString(perOpNanos) + ", stats=" + stats
                + ", allocatedBytesPerOp=" + allocatedBytesPerOp + ", warmupNanos=" + warmupNanos
                + ", warmupRuns=" + warmupRuns + ", warmupSettled=" + warmupSettled + ", warnings=" + warnings + "]";
    }
}
