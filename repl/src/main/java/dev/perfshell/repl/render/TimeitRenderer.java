package dev.perfshell.repl.render;

import dev.perfshell.repl.link.TimeitRuns;
import dev.perfshell.repl.timeit.SteadyRuns;
import dev.perfshell.timing.FindingText;
import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.TimeitReport;
import dev.perfshell.timing.runtime.TimeitResult;
import dev.perfshell.timing.runtime.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code %timeit}'s output: IPython's one line ({@link #line}), the {@code -v} block ({@link #verbose}),
 * the warnings the caller prints before the line ({@link #warnings}), and the Java source that rebuilds
 * the engine-side {@link TimeitResult} for {@code -o} ({@link #constructor}).
 */
public final class TimeitRenderer {
    /** IPython's default {@code -p}. */
    public static final int DEFAULT_PRECISION = 3;

    private static final int HISTOGRAM_BINS = 8;
    private static final int HISTOGRAM_WIDTH = 30;
    private static final char BAR = '\u2588';

    private TimeitRenderer() {}

    /**
     * IPython's line, e.g. {@code 5.77 ns ± 0.08 ns per loop (mean ± std. dev. of 7 runs, 10,000,000 loops each)}:
     * mean and population std-dev each scaled on their own, {@code precision} significant digits.
     */
    public static List<String> line(TimeitReport r, int precision) {
        checkPrecision(precision);
        RunStatistics s = r.stats();
        int runs = s.runs();
        long loops = r.loopsPerRun();
        return List.of(Units.time(s.mean(), precision) + " \u00b1 " + Units.time(s.stdev(), precision)
                + " per loop (mean \u00b1 std. dev. of " + runs + (runs == 1 ? " run, " : " runs, ")
                + String.format(Locale.ROOT, "%,d", loops) + (loops == 1 ? " loop each)" : " loops each)"));
    }

    /** The warning lines (IPython's slowest-run warning and others), unchanged; printed before the line. */
    public static List<String> warnings(TimeitReport r) {
        return r.warnings();
    }

    /**
     * The runs left out (fresh memory, waiting for a CPU), said dimmed before the line: a note, not a finding, since the
     * figures come from the other runs.
     */
    public static List<String> notes(SteadyRuns steady) {
        return steady.notes().stream()
                .map(note -> "note: " + FindingText.line(note))
                .toList();
    }

    /**
     * The {@code -v} lines about the engine, after {@link #verbose}: what was done about earlier code's JIT profiles,
     * and the measured runs a late JIT compile cost.
     */
    public static List<String> engine(TimeitRuns measured) {
        List<String> lines = new ArrayList<>();
        lines.add(measured.profiles().describe());
        if (measured.leftOutForJit() > 0) {
            lines.add("JIT: " + measured.leftOutForJit()
                    + " measured runs left out: the JIT rebuilt the snippet's code after them");
        }
        return lines;
    }

    /** Code whose speed depends on the JVM-wide type profiles of earlier code. */
    private static final Pattern PROFILE_SENSITIVE =
            Pattern.compile("->|::|\\.stream\\(|\\.forEach\\(|Stream\\.|Comparator|Collectors");

    /**
     * The {@code -v} note for code whose speed depends on the type profiles earlier code left in this engine (lambdas,
     * streams, interface calls), when they were not all reset and the timing was not in a fresh engine.
     */
    public static Optional<String> profilesNote(TimeitReport report, TimeitRuns measured, boolean fresh) {
        if (fresh
                || measured.profiles().clean()
                || !PROFILE_SENSITIVE.matcher(report.source()).find()) return Optional.empty();
        return Optional.of(
                "note: lambdas, streams and interface calls run as fast as the type profiles this engine has "
                        + "gathered from earlier code allow; compare with --fresh (a new engine) before trusting a difference.");
    }

    /**
     * The {@code -v} block printed after the line: robust statistics, the 99.9 % confidence interval of the
     * mean (JMH's error), percentiles, Tukey outliers, allocation, warm-up and a histogram of the runs.
     * The two ends of a range (min … max, the interval, p5 … p95, histogram bins) get up to 4 more digits
     * than {@code precision} when it would print different values alike.
     */
    public static List<String> verbose(TimeitReport r, int precision) {
        checkPrecision(precision);
        RunStatistics s = r.stats();
        List<String> lines = new ArrayList<>();
        lines.add("median \u00b1 MAD: " + time(s.median(), precision) + " \u00b1 " + time(s.mad(), precision)
                + " (MAD \u00d7 1.4826)");
        String[] minMax = edgeLabels(new double[] {s.min(), s.max()}, precision);
        lines.add("min \u2026 max: " + minMax[0] + " \u2026 " + minMax[1]);
        String level = percent(s.ciLevel());
        if (Double.isNaN(s.ciLow()) || Double.isNaN(s.ciHigh())) {
            lines.add(level + " CI of the mean: n/a (needs 3 runs or more)");
        } else {
            String[] ci = edgeLabels(new double[] {s.ciLow(), s.ciHigh()}, precision);
            lines.add(level + " CI of the mean: [" + ci[0] + ", " + ci[1] + "] (Student t, " + (s.runs() - 1)
                    + " d.f., JMH's error \u00b1" + time(s.ciHalfWidth(), precision) + ")");
        }
        String[] p5p95 = edgeLabels(new double[] {s.p05(), s.p95()}, precision);
        lines.add("p5 \u2026 p95: " + p5p95[0] + " \u2026 " + p5p95[1]);
        lines.add("Tukey outliers: " + s.mildOutliers() + " mild, " + s.severeOutliers() + " severe");
        if (r.allocationKnown()) lines.add("allocated: " + bytesPerOp(r.allocatedBytesPerOp()));
        lines.add(warmup(r, precision));
        lines.addAll(histogram(r.perOpNanos(), precision));
        return lines;
    }

    /** Java source that rebuilds the engine-side result, for {@code -o}; default precision. */
    public static String constructor(TimeitReport r) {
        return constructor(r, DEFAULT_PRECISION);
    }

    /** Java source that rebuilds the engine-side result, for {@code -o}; its {@code toString()} uses {@code precision}. */
    public static String constructor(TimeitReport r, int precision) {
        checkPrecision(precision);
        StringBuilder out =
                new StringBuilder("new ").append(TimeitResult.class.getName()).append("(new double[] {");
        double[] runs = r.perOpNanos();
        for (int i = 0; i < runs.length; i++) {
            if (i > 0) out.append(", ");
            out.append(literal(runs[i]));
        }
        out.append("}, ").append(r.loopsPerRun()).append('L');
        if (precision != DEFAULT_PRECISION) out.append(", ").append(precision);
        return out.append(')').toString();
    }

    private static String literal(double v) {
        if (Double.isNaN(v)) return "Double.NaN";
        if (v == Double.POSITIVE_INFINITY) return "Double.POSITIVE_INFINITY";
        if (v == Double.NEGATIVE_INFINITY) return "Double.NEGATIVE_INFINITY";
        return Double.toString(v); // shortest text that parses back to the same double
    }

    private static String warmup(TimeitReport r, int precision) {
        if (r.warmupRuns() == 0 && r.warmupNanos() == 0) return "warm-up: none";
        return "warm-up: " + Units.time(r.warmupNanos(), precision) + ", " + r.warmupRuns()
                + (r.warmupRuns() == 1 ? " run, " : " runs, ")
                + (r.warmupSettled() ? "JIT settled" : "JIT not settled");
    }

    /** Bytes per operation: one decimal below 1 KiB ({@code 24.0 B/op}), binary prefixes above ({@code 1.5 KiB/op}). */
    static String bytesPerOp(double bytes) {
        if (Math.abs(bytes) < 1024) {
            String text = String.format(Locale.ROOT, "%.1f", bytes);
            return (text.equals("-0.0") ? "0.0" : text) + " B/op";
        }
        return Units.bytes(bytes) + "/op";
    }

    /** {@link Units#time} with a sign: CI ends can be negative for very noisy runs. */
    private static String time(double nanos, int precision) {
        return nanos < 0 ? "-" + Units.time(-nanos, precision) : Units.time(nanos, precision);
    }

    private static String percent(double level) {
        return new java.math.BigDecimal(Double.toString(level * 100))
                        .stripTrailingZeros()
                        .toPlainString() + "%";
    }

    /**
     * Up to 8 equal-width bins from the fastest to the slowest run (fewer when there are fewer runs), bars
     * scaled so the fullest bin is 30 characters. Bin labels get extra digits when {@code precision} would
     * print two different edges alike.
     */
    static List<String> histogram(double[] values, int precision) {
        int n = values.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int bins = max > min ? Math.min(HISTOGRAM_BINS, n) : 1;
        double width = (max - min) / bins;
        int[] counts = new int[bins];
        for (double v : values) {
            int bin = width > 0 ? (int) ((v - min) / width) : 0;
            counts[Math.min(Math.max(bin, 0), bins - 1)]++;
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) edges[i] = i == bins ? max : min + i * width;

        String[] labels = edgeLabels(edges, precision);
        int lowWidth = 0;
        int highWidth = 0;
        for (int i = 0; i < bins; i++) {
            lowWidth = Math.max(lowWidth, labels[i].length());
            highWidth = Math.max(highWidth, labels[i + 1].length());
        }
        int most = 0;
        for (int c : counts) most = Math.max(most, c);

        List<String> lines = new ArrayList<>();
        lines.add("histogram of the " + n + (n == 1 ? " run" : " runs") + " (time per loop, run count):");
        for (int i = 0; i < bins; i++) {
            int length =
                    counts[i] == 0 ? 0 : Math.max(1, (int) Math.round((double) counts[i] * HISTOGRAM_WIDTH / most));
            lines.add("  " + pad(labels[i], lowWidth) + " \u2013 " + pad(labels[i + 1], highWidth) + "  "
                    + String.valueOf(BAR).repeat(length) + " ".repeat(HISTOGRAM_WIDTH - length) + " " + counts[i]);
        }
        return lines;
    }

    /** Labels for ascending values, with as many digits as it takes (up to 4 more) to tell distinct ones apart. */
    private static String[] edgeLabels(double[] edges, int precision) {
        String[] labels = new String[edges.length];
        for (int p = precision; ; p++) {
            boolean distinct = true;
            for (int i = 0; i < edges.length; i++) {
                labels[i] = time(edges[i], p);
                if (i > 0 && edges[i] > edges[i - 1] && labels[i].equals(labels[i - 1])) distinct = false;
                // Units.time rounds 999.9 ns to "1000 ns" (the carry keeps the smaller unit): more digits then
                if (labels[i].startsWith("1000 ") && edges.length > 1) distinct = false;
            }
            if (distinct || p >= precision + 4) return labels;
        }
    }

    private static String pad(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    private static void checkPrecision(int precision) {
        if (precision < 1) throw new IllegalArgumentException("precision must be at least 1: " + precision);
    }
}
