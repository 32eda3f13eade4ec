package dev.perfshell.repl.render;

import dev.perfshell.repl.timeit.HeadToHead;
import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.TimeitReport;
import dev.perfshell.timing.Units;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code %compare}'s output: a table of every snippet (median, the 99.9% interval of its mean, its
 * runs, the ratio of its median to the fastest's), then hyperfine's summary with the two tests'
 * p-values, and a warning for every difference within noise.
 */
public final class HeadToHeadRenderer {
    private static final int NAME_WIDTH = 40;

    private HeadToHeadRenderer() {}

    public static List<String> table(HeadToHead result, int precision) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "snippet", "median", "99.9% CI of the mean", "runs", "vs fastest"});
        for (int k = 0; k < result.reports().size(); k++) {
            TimeitReport report = result.reports().get(k);
            RunStatistics stats = report.stats();
            String interval = Double.isNaN(stats.ciLow()) ? "-"
                    : "[" + Units.time(stats.ciLow(), precision) + ", " + Units.time(stats.ciHigh(), precision) + "]";
            String ratio = k == result.fastest() ? "fastest" : String.format(Locale.ROOT, "%.2f×", result.medianRatio(k));
            rows.add(new String[] {String.valueOf(k + 1), shorten(result.names().get(k)), Units.time(stats.median(), precision),
                    interval, String.valueOf(stats.runs()), ratio});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) for (int c = 0; c < row.length; c++) widths[c] = Math.max(widths[c], row[c].length());
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                boolean left = c == 1 || c == 3;
                String cell = left ? row[c] + " ".repeat(widths[c] - row[c].length()) : " ".repeat(widths[c] - row[c].length()) + row[c];
                line.append(c == 0 ? "" : "  ").append(cell);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** hyperfine's summary, each line with both p-values. */
    public static List<String> summary(HeadToHead result) {
        List<String> lines = new ArrayList<>();
        lines.add("Summary");
        lines.add("  " + quoted(result.names().get(result.fastest())) + " ran");
        for (HeadToHead.Versus versus : result.bySpeed()) {
            lines.add(String.format(Locale.ROOT, "    %s ± %s times faster than %s  (Mann-Whitney p = %s, Welch p = %s)",
                    twoDecimals(versus.ratio()), twoDecimals(versus.ratioError()), quoted(result.names().get(versus.other())),
                    pValue(versus.pU()), pValue(versus.pT())));
        }
        return lines;
    }

    /** One warning per comparison whose difference is within noise. */
    public static List<String> warnings(HeadToHead result) {
        List<String> lines = new ArrayList<>();
        for (HeadToHead.Versus versus : result.versus()) {
            if (!versus.withinNoise()) continue;
            lines.add(String.format(Locale.ROOT, "%s and %s may be equally fast: %s ± %s times is within noise "
                            + "(Mann-Whitney p = %s, Welch p = %s). Next: a larger --budget, or more runs with -r.",
                    quoted(result.names().get(result.fastest())), quoted(result.names().get(versus.other())),
                    twoDecimals(versus.ratio()), twoDecimals(versus.ratioError()), pValue(versus.pU()), pValue(versus.pT())));
        }
        return lines;
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) return "n/a";
        if (p < 0.001) return String.format(Locale.ROOT, "%.1e", p);
        return String.format(Locale.ROOT, "%.3f", p);
    }

    private static String twoDecimals(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String quoted(String name) {
        return "'" + shorten(name) + "'";
    }

    private static String shorten(String name) {
        String line = name.strip().lines().findFirst().orElse("");
        return line.length() > NAME_WIDTH ? line.substring(0, NAME_WIDTH - 3) + "..." : line;
    }
}
