package dev.perfshell.repl.render;

import dev.perfshell.repl.link.TimeitRuns;
import dev.perfshell.repl.results.SweepFit;
import dev.perfshell.repl.timeit.ParamSweep;
import dev.perfshell.timing.ComplexityFit;
import dev.perfshell.timing.TimeitReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parameter sweep's output: each value's line prefixed with {@code n=VALUE}, aligned, then the fit:
 * {@code ≈ O(n log n)  (exponent 1.08, R² 0.998)}, or {@code no clear fit: …} when the evidence is weak.
 */
public final class SweepRenderer {
    private SweepRenderer() {}

    /** {@code n=1000} padded so the lines of all {@code values} start their figures in one column. */
    public static String prefix(String name, long value, List<Long> values) {
        int width = values.stream().mapToInt(v -> label(name, v).length()).max().orElse(0);
        String label = label(name, value);
        return label + " ".repeat(width - label.length() + 2);
    }

    private static String label(String name, long value) {
        return name + "=" + value;
    }

    /** What a sweep is about to do: {@code timing 5 values of n, ascending then descending...}; one value has no order. */
    public static String timing(String name, int count, boolean twoPasses) {
        if (count == 1) return "timing 1 value of " + name + (twoPasses ? ", twice" : "") + "...";
        return "timing " + count + " values of " + name + (twoPasses ? ", ascending then descending" : "") + "...";
    }

    /**
     * One value's lines of a %timeit sweep: the engine's note on its runs, IPython's line after the value's prefix, and
     * with {@code -v} the statistics, indented.
     */
    public static List<String> timeitValue(
            ParamSweep sweep, long value, TimeitRuns measured, TimeitReport report, int precision, boolean verbose) {
        List<String> lines = new ArrayList<>();
        if (!measured.note().isEmpty()) lines.add("note: " + label(sweep.name(), value) + ": " + measured.note());
        String prefix = prefix(sweep.name(), value, sweep.values());
        TimeitRenderer.line(report, precision).forEach(line -> lines.add(prefix + line));
        if (verbose) TimeitRenderer.verbose(report, precision).forEach(line -> lines.add("    " + line));
        return lines;
    }

    /** The fit line. */
    public static String fit(SweepFit sweep) {
        ComplexityFit fit = sweep.fit();
        String name = sweep.parameter();
        return switch (fit.verdict()) {
            case NO_FIT -> "no fit: " + fit.reason();
            case FIT ->
                "\u2248 " + fit.best().label(name) + "  (" + figures(fit)
                        + (fit.best() == ComplexityFit.Complexity.CONSTANT
                                ? String.format(
                                        Locale.ROOT,
                                        "; flat within %.0f%% RMS",
                                        Math.max(
                                                1, 100 * fit.candidates().get(0).relativeError()))
                                : "")
                        + ")";
            case NO_CLEAR_FIT ->
                fit.runnerUp() != null
                        ? "no clear fit: " + fit.best().label(name) + " and "
                                + fit.runnerUp().label(name) + " " + fit.reason() + "  (" + figures(fit) + ")"
                        : "no clear fit: " + fit.reason() + "; closest "
                                + fit.best().label(name) + "  (" + figures(fit) + ")";
        };
    }

    private static String figures(ComplexityFit fit) {
        return String.format(Locale.ROOT, "exponent %.2f, R\u00b2 %.3f", fit.exponent(), fit.rSquared());
    }
}
