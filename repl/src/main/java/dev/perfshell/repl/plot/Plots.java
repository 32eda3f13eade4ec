package dev.perfshell.repl.plot;

import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.runtime.Units;
import java.util.Arrays;
import java.util.List;

/**
 * The plots {@code --plot} writes: a histogram of one snippet's runs (%timeit) and a box plot per
 * snippet (%compare). Pure functions from figures to SVG; the files are {@link PlotFiles}' business.
 */
public final class Plots {
    private static final int WIDTH = 720;
    private static final int LEFT = 70;
    private static final int RIGHT = 30;
    private static final String BAR = "#4c78a8";
    private static final String MEAN = "#e45756";
    private static final String MEDIAN = "#222222";
    private static final String CI = "#f58518";

    private Plots() {}

    /**
     * A histogram of the runs (ns per operation), with the mean (red), the median (dashed) and the
     * 99.9% confidence interval of the mean (an orange band) marked.
     */
    public static Svg histogram(String title, double[] perOpNanos, RunStatistics stats) {
        int height = 360;
        int top = 50;
        int bottom = height - 60;
        Svg svg = new Svg(WIDTH, height);
        svg.text(WIDTH / 2.0, 24, title, "middle", 15, "font-weight=\"bold\"");
        double min = Arrays.stream(perOpNanos).min().orElse(0);
        double max = Arrays.stream(perOpNanos).max().orElse(1);
        int bins = Math.max(5, Math.min(30, (int) Math.ceil(Math.sqrt(perOpNanos.length) * 2)));
        double width = (max - min) / bins;
        if (width <= 0) width = Math.max(Math.abs(min) * 0.01, 1e-3);
        int[] counts = new int[bins];
        for (double value : perOpNanos) counts[Math.min(bins - 1, (int) ((value - min) / width))]++;
        int most = Arrays.stream(counts).max().orElse(1);
        double low = Math.min(min, Double.isNaN(stats.ciLow()) ? min : stats.ciLow());
        double high = Math.max(min + width * bins, Double.isNaN(stats.ciHigh()) ? max : stats.ciHigh());
        Axis x = new Axis(low, high, LEFT, WIDTH - RIGHT, false);
        Axis y = new Axis(0, most, bottom, top, false);
        if (!Double.isNaN(stats.ciLow())) {
            svg.rect(
                    x.pixel(stats.ciLow()),
                    top,
                    x.pixel(stats.ciHigh()) - x.pixel(stats.ciLow()),
                    bottom - top,
                    CI,
                    "fill-opacity=\"0.25\"");
        }
        for (int b = 0; b < bins; b++) {
            if (counts[b] == 0) continue;
            double x0 = x.pixel(min + b * width);
            double x1 = x.pixel(min + (b + 1) * width);
            svg.rect(
                    x0 + 0.5,
                    y.pixel(counts[b]),
                    Math.max(1, x1 - x0 - 1),
                    bottom - y.pixel(counts[b]),
                    BAR,
                    "class=\"bar\"");
        }
        svg.line(x.pixel(stats.mean()), top, x.pixel(stats.mean()), bottom, MEAN, "stroke-width=\"2\" class=\"mean\"");
        svg.line(
                x.pixel(stats.median()),
                top,
                x.pixel(stats.median()),
                bottom,
                MEDIAN,
                "stroke-width=\"2\" stroke-dasharray=\"6 4\" class=\"median\"");
        timeAxis(svg, x, bottom, top, false);
        for (double tick : y.ticks()) {
            if (tick != Math.rint(tick)) continue;
            svg.line(LEFT - 4, y.pixel(tick), LEFT, y.pixel(tick), "#888", "");
            svg.text(LEFT - 8, y.pixel(tick) + 4, String.valueOf((long) tick), "end", 11, "");
        }
        svg.text(
                18,
                (top + bottom) / 2.0,
                "runs",
                "middle",
                12,
                "transform=\"rotate(-90 18 " + (top + bottom) / 2 + ")\"");
        legend(
                svg,
                WIDTH - RIGHT - 330,
                40,
                List.of(
                        new String[] {MEAN, "mean " + Units.time(stats.mean())},
                        new String[] {MEDIAN, "median " + Units.time(stats.median())},
                        new String[] {
                            CI,
                            Double.isNaN(stats.ciLow())
                                    ? "no 99.9% CI (≤ 2 runs)"
                                    : "99.9% CI [" + Units.time(stats.ciLow()) + ", " + Units.time(stats.ciHigh()) + "]"
                        }));
        return svg;
    }

    /**
     * One horizontal box per snippet: the box from the first to the third quartile, the median as a
     * thick line, whiskers to the fastest and slowest run, and every run as a dot.
     */
    public static Svg boxes(String title, List<String> names, List<double[]> runs) {
        int rowHeight = 56;
        int top = 50;
        int height = top + rowHeight * names.size() + 60;
        int left = 220;
        Svg svg = new Svg(WIDTH + 150, height);
        svg.text((WIDTH + 150) / 2.0, 24, title, "middle", 15, "font-weight=\"bold\"");
        double min = runs.stream().flatMapToDouble(Arrays::stream).min().orElse(0);
        double max = runs.stream().flatMapToDouble(Arrays::stream).max().orElse(1);
        // Snippets an order of magnitude apart (or one run far out) would squash the faster boxes into a
        // pixel on a linear axis; a logarithmic one keeps every box readable.
        boolean log = min > 0 && max / min >= 10;
        Axis x = log
                ? new Axis(min / 1.25, max * 1.25, left, WIDTH + 150 - RIGHT, true)
                : new Axis(
                        Math.max(0, min - (max - min) * 0.05),
                        max + (max - min) * 0.05,
                        left,
                        WIDTH + 150 - RIGHT,
                        false);
        int bottom = top + rowHeight * names.size();
        for (int k = 0; k < names.size(); k++) {
            double[] sorted = runs.get(k).clone();
            Arrays.sort(sorted);
            double center = top + rowHeight * k + rowHeight / 2.0;
            String name = names.get(k).length() > 30 ? names.get(k).substring(0, 27) + "..." : names.get(k);
            svg.text(left - 10, center + 4, name, "end", 12, "");
            svg.line(
                    x.pixel(sorted[0]),
                    center,
                    x.pixel(sorted[sorted.length - 1]),
                    center,
                    "#555",
                    "class=\"whisker\"");
            double q1 = quantile(sorted, 0.25);
            double q3 = quantile(sorted, 0.75);
            svg.rect(
                    x.pixel(q1),
                    center - 14,
                    Math.max(1, x.pixel(q3) - x.pixel(q1)),
                    28,
                    BAR,
                    "fill-opacity=\"0.35\" stroke=\"" + BAR + "\" class=\"box\"");
            double median = quantile(sorted, 0.5);
            svg.line(
                    x.pixel(median),
                    center - 14,
                    x.pixel(median),
                    center + 14,
                    MEDIAN,
                    "stroke-width=\"3\" class=\"median\"");
            for (int i = 0; i < sorted.length; i++) {
                // Spread the dots a little vertically, so equal runs stay visible.
                double offset = ((i % 5) - 2) * 3.0;
                svg.circle(x.pixel(sorted[i]), center + offset, 2.2, MEAN, "fill-opacity=\"0.6\" class=\"run\"");
            }
        }
        timeAxis(svg, x, bottom, top, log);
        return svg;
    }

    /**
     * A sweep on log-log axes: the measured value at each parameter value as a dot, and the fitted
     * class's curve {@code a·f(n) + b} (the named class, else the closest one, dashed) with the
     * verdict line as its caption.
     *
     * @param unit {@code ns/op} (times, labelled as such) or another unit, printed as numbers
     */
    public static Svg sweep(
            String title,
            String parameter,
            double[] n,
            double[] y,
            String unit,
            dev.perfshell.timing.ComplexityFit fit,
            String caption) {
        int height = 420;
        int top = 60;
        int bottom = height - 70;
        Svg svg = new Svg(WIDTH, height);
        svg.text(WIDTH / 2.0, 24, title, "middle", 15, "font-weight=\"bold\"");
        svg.text(WIDTH / 2.0, 44, caption, "middle", 12, "class=\"caption\"");
        double nLow = Arrays.stream(n).min().orElse(1);
        double nHigh = Arrays.stream(n).max().orElse(10);
        double yLow = Arrays.stream(y).filter(v -> v > 0).min().orElse(1);
        double yHigh = Arrays.stream(y).max().orElse(10);
        Axis x = new Axis(nLow / 1.5, nHigh * 1.5, LEFT, WIDTH - RIGHT, true);
        Axis v = new Axis(yLow / 2, yHigh * 2, bottom, top, true);
        for (double tick : x.ticks()) {
            svg.line(x.pixel(tick), top, x.pixel(tick), bottom, "#eee", "");
            svg.text(x.pixel(tick), bottom + 18, number(tick), "middle", 11, "");
        }
        for (double tick : v.ticks()) {
            svg.line(LEFT, v.pixel(tick), WIDTH - RIGHT, v.pixel(tick), "#eee", "");
            svg.text(
                    LEFT - 6, v.pixel(tick) + 4, unit.equals("ns/op") ? Units.time(tick) : number(tick), "end", 11, "");
        }
        svg.line(LEFT, bottom, WIDTH - RIGHT, bottom, "#888", "");
        svg.line(LEFT, top, LEFT, bottom, "#888", "");
        svg.text((LEFT + WIDTH - RIGHT) / 2.0, bottom + 40, parameter + " (log scale)", "middle", 12, "");
        dev.perfshell.timing.ComplexityFit.Candidate curve = fitted(fit);
        if (curve != null) {
            int points = 60;
            double[] xs = new double[points];
            double[] ys = new double[points];
            int kept = 0;
            for (int i = 0; i < points; i++) {
                double at = Math.exp(Math.log(nLow) + (Math.log(nHigh) - Math.log(nLow)) * i / (points - 1));
                double value = curve.a() * curve.complexity().f(at) + curve.b();
                if (value <= 0) continue;
                xs[kept] = x.pixel(at);
                ys[kept] = v.pixel(value);
                kept++;
            }
            String dash = fit.best() == null ? " stroke-dasharray=\"6 4\"" : "";
            svg.polyline(
                    Arrays.copyOf(xs, kept), Arrays.copyOf(ys, kept), MEAN, "stroke-width=\"2\" class=\"fit\"" + dash);
        }
        for (int i = 0; i < n.length; i++) {
            if (y[i] > 0) svg.circle(x.pixel(n[i]), v.pixel(y[i]), 4.5, BAR, "class=\"point\"");
        }
        return svg;
    }

    /** The named class's fit, else the closest valid one, else none. */
    private static dev.perfshell.timing.ComplexityFit.Candidate fitted(dev.perfshell.timing.ComplexityFit fit) {
        if (fit == null) return null;
        dev.perfshell.timing.ComplexityFit.Candidate closest = null;
        for (dev.perfshell.timing.ComplexityFit.Candidate candidate : fit.candidates()) {
            if (!Double.isFinite(candidate.relativeError())) continue;
            if (candidate.complexity() == fit.best()) return candidate;
            if (closest == null || candidate.relativeError() < closest.relativeError()) closest = candidate;
        }
        return closest;
    }

    private static String number(double value) {
        if (value >= 1e4 || value < 1e-2)
            return String.format(java.util.Locale.ROOT, "%.0e", value)
                    .replace("e+0", "e")
                    .replace("e+", "e");
        return value == Math.rint(value)
                ? String.valueOf((long) value)
                : String.format(java.util.Locale.ROOT, "%.2g", value);
    }

    private static void timeAxis(Svg svg, Axis x, int bottom, int top, boolean log) {
        svg.line(Math.min(x.fromPixel(), x.pixel(x.ticks().get(0)) - 10), bottom, x.toPixel(), bottom, "#888", "");
        for (double tick : x.ticks()) {
            svg.line(x.pixel(tick), bottom, x.pixel(tick), bottom + 5, "#888", "");
            svg.line(x.pixel(tick), top, x.pixel(tick), bottom, "#eee", "");
            svg.text(x.pixel(tick), bottom + 20, Units.time(tick), "middle", 11, "");
        }
        svg.text(
                (x.fromPixel() + x.toPixel()) / 2,
                bottom + 42,
                log ? "time per operation (log scale)" : "time per operation",
                "middle",
                12,
                "");
    }

    private static void legend(Svg svg, double x, double y, List<String[]> entries) {
        for (int i = 0; i < entries.size(); i++) {
            double row = y + i * 18;
            svg.rect(x, row - 9, 14, 10, entries.get(i)[0], "");
            svg.text(x + 20, row, entries.get(i)[1], "start", 12, "");
        }
    }

    /** Linear interpolation between order statistics (the "R-7" rule spreadsheets use). */
    static double quantile(double[] sorted, double p) {
        if (sorted.length == 1) return sorted[0];
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
