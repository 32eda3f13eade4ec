package dev.perfshell.timing.runtime;

import java.util.Arrays;

/**
 * What {@code %timeit -o NAME} binds in the session: IPython's {@code TimeitResult} for Java.
 * Times are nanoseconds per operation (IPython's {@code timings}, per loop), one value per run.
 *
 * <p>Loaded in the engine JVM, so it depends on the JDK only. Its arithmetic copies Commons Math's
 * (used on the front side), so {@link #toString()} prints the same line as {@code %timeit} did:
 * {@code 5.77 ns ± 0.08 ns per loop (mean ± std. dev. of 7 runs, 10,000,000 loops each)}.
 */
public final class TimeitResult {
    private static final int DEFAULT_PRECISION = 3;

    private final double[] runs;
    private final long loops;
    private final int precision;

    /**
     * @param runsPerOpNanos one value per run: nanoseconds per operation; at least one
     * @param loops          operations per run
     */
    public TimeitResult(double[] runsPerOpNanos, long loops) {
        this(runsPerOpNanos, loops, DEFAULT_PRECISION);
    }

    /**
     * @param precision significant digits in {@link #toString()} ({@code %timeit -p}), default 3
     */
    public TimeitResult(double[] runsPerOpNanos, long loops, int precision) {
        if (runsPerOpNanos == null || runsPerOpNanos.length == 0) throw new IllegalArgumentException("no runs");
        if (loops < 1) throw new IllegalArgumentException("loops must be at least 1: " + loops);
        if (precision < 1) throw new IllegalArgumentException("precision must be at least 1: " + precision);
        this.runs = runsPerOpNanos.clone();
        this.loops = loops;
        this.precision = precision;
    }

    /** Mean ns per operation over the runs (IPython's {@code average}). */
    public double mean() {
        return mean(runs);
    }

    /** Population standard deviation (divides by the number of runs), as IPython's {@code stdev}. */
    public double stdev() {
        if (runs.length == 1) return 0;
        double m = mean(runs);
        double accum = 0;
        double accum2 = 0;
        for (double v : runs) {
            double dev = v - m;
            accum += dev * dev;
            accum2 += dev;
        }
        double len = runs.length;
        return Math.sqrt((accum - accum2 * accum2 / len) / len);
    }

    /** Median ns per operation (mean of the two middle runs for an even count). */
    public double median() {
        double[] sorted = runs.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n % 2 == 1) return sorted[n / 2];
        double lower = sorted[n / 2 - 1];
        return lower + 0.5 * (sorted[n / 2] - lower);
    }

    /** Fastest run, ns per operation. */
    public double best() {
        return Arrays.stream(runs).min().orElseThrow();
    }

    /** Slowest run, ns per operation. */
    public double worst() {
        return Arrays.stream(runs).max().orElseThrow();
    }

    /** A copy of the per-run times, ns per operation (IPython's {@code timings}). */
    public double[] runs() {
        return runs.clone();
    }

    /** Number of runs (IPython's {@code repeat}). */
    public int repeat() {
        return runs.length;
    }

    /** Operations per run (IPython's {@code loops}). */
    public long loops() {
        return loops;
    }

    /** Significant digits used by {@link #toString()}. */
    public int precision() {
        return precision;
    }

    /** IPython's line: {@code 5.77 ns ± 0.08 ns per loop (mean ± std. dev. of 7 runs, 10,000,000 loops each)}. */
    @Override
    public String toString() {
        int n = runs.length;
        return time(mean(), precision) + " \u00b1 " + time(stdev(), precision)
                + " per loop (mean \u00b1 std. dev. of " + n + (n == 1 ? " run, " : " runs, ")
                + String.format(java.util.Locale.ROOT, "%,d", loops) + (loops == 1 ? " loop each)" : " loops each)");
    }

    /** Commons Math's {@code Mean}: sum / n plus a correction pass. */
    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        double n = values.length;
        double xbar = sum / n;
        double correction = 0;
        for (double v : values) correction += v - xbar;
        return xbar + correction / n;
    }

    /** IPython's time formatting, shared with the shell's renderers so both print the same line. */
    static String time(double nanos, int precision) {
        return dev.perfshell.timing.runtime.Units.time(nanos, precision);
    }
}
