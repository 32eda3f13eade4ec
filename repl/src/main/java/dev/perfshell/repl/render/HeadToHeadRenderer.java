package dev.perfshell.repl.render;

import dev.perfshell.repl.io.TextColumns;
import dev.perfshell.repl.timeit.HeadToHead;
import dev.perfshell.repl.timeit.SteadyRuns;
import dev.perfshell.timing.FindingText;
import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.TimeitReport;
import dev.perfshell.timing.runtime.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code %compare}'s output: a table of every snippet (the geometric mean of its runs, which the ratios
 * compare; the 99.9% interval of its mean; its runs; its ratio to the fastest), then hyperfine's summary with each ratio's 95% interval and both
 * p-values, and a warning for every ratio whose interval includes 1.
 */
public final class HeadToHeadRenderer {
    private static final int NAME_WIDTH = 40;

    private HeadToHeadRenderer() {}

    public static List<String> table(HeadToHead result, int precision) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "snippet", "geo. mean", "99.9% CI of the mean", "runs", "vs fastest"});
        for (int k = 0; k < result.reports().size(); k++) {
            TimeitReport report = result.reports().get(k);
            RunStatistics stats = report.stats();
            String interval = Double.isNaN(stats.ciLow())
                    ? "-"
                    : "[" + Units.time(stats.ciLow(), precision) + ", " + Units.time(stats.ciHigh(), precision) + "]";
            String ratio = k == result.fastest() ? "fastest" : Units.ratio(result.ratioToFastest(k)) + "×";
            rows.add(new String[] {
                String.valueOf(k + 1),
                shorten(result.names().get(k)),
                Units.time(result.center(k), precision),
                interval,
                String.valueOf(stats.runs()),
                ratio
            });
        }
        return TextColumns.lines(rows, c -> c == 1 || c == 3, c -> "  ");
    }

    /** hyperfine's summary, each ratio with its 95% interval and both p-values. */
    public static List<String> summary(HeadToHead result) {
        List<String> lines = new ArrayList<>();
        lines.add("Summary");
        lines.add("  " + quoted(result.names().get(result.fastest())) + " ran");
        for (HeadToHead.Versus versus : result.bySpeed()) {
            lines.add(String.format(
                    Locale.ROOT,
                    "    %s times faster than %s  (95%% CI %s; Welch p = %s, Mann-Whitney p = %s)",
                    Units.ratio(versus.ratio()),
                    quoted(result.names().get(versus.other())),
                    interval(versus.estimate()),
                    pValue(versus.estimate().p()),
                    pValue(versus.pU())));
        }
        return lines;
    }

    /** The runs a snippet's figures leave out (as %timeit's notes say them), naming the snippet. */
    public static List<String> notes(String name, SteadyRuns steady) {
        return steady.notes().stream()
                .map(note -> "note: " + name + ": " + FindingText.line(note))
                .toList();
    }

    /**
     * Each snippet's warnings, a warning several snippets share (a busy machine) said once, naming them all
     * ({@code all: ...} when every snippet has it).
     */
    public static List<String> snippetWarnings(HeadToHead result) {
        Map<String, List<String>> warnings = new LinkedHashMap<>();
        for (int k = 0; k < result.reports().size(); k++) {
            for (String warning : result.reports().get(k).warnings())
                warnings.computeIfAbsent(warning, w -> new ArrayList<>())
                        .add(result.names().get(k));
        }
        List<String> lines = new ArrayList<>();
        warnings.forEach((warning, who) ->
                lines.add((who.size() == result.names().size() ? "all" : String.join(", ", who)) + ": " + warning));
        return lines;
    }

    /** One warning per comparison whose ratio's interval includes 1. */
    public static List<String> warnings(HeadToHead result) {
        List<String> lines = new ArrayList<>();
        for (HeadToHead.Versus versus : result.versus()) {
            if (!versus.withinNoise()) continue;
            lines.add(String.format(
                    Locale.ROOT,
                    "%s and %s may be equally fast: the 95%% interval of the ratio, %s, includes 1 "
                            + "(Welch p = %s). Next: more runs with -r (the interval narrows as the runs grow), or a larger --budget.",
                    quoted(result.names().get(result.fastest())),
                    quoted(result.names().get(versus.other())),
                    interval(versus.estimate()),
                    pValue(versus.estimate().p())));
        }
        return lines;
    }

    private static String interval(dev.perfshell.timing.stats.RatioEstimate estimate) {
        return Units.ratio(estimate.low()) + "–" + Units.ratio(estimate.high());
    }

    static String pValue(double p) {
        if (Double.isNaN(p)) return "n/a";
        if (p < 0.001) return String.format(Locale.ROOT, "%.1e", p);
        return String.format(Locale.ROOT, "%.3f", p);
    }

    private static String quoted(String name) {
        return "'" + shorten(name) + "'";
    }

    private static String shorten(String name) {
        String line = name.strip().lines().findFirst().orElse("");
        return line.length() > NAME_WIDTH ? line.substring(0, NAME_WIDTH - 3) + "..." : line;
    }
}
