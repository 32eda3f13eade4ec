package dev.perfshell.repl.render;

import dev.perfshell.repl.results.Metric;
import dev.perfshell.repl.results.MetricText;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.timeit.TimeDetails;
import dev.perfshell.repl.timeit.TimeitDetails;
import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.runtime.Units;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code %results}' views of the session's results: {@code list}, one line per result, and {@code show N}, one
 * result's fields, then the figures of its magic that the common record does not hold (%timeit's statistics, %time's
 * CPU and GC). Here, not in {@code results}, which knows no magic's figures.
 */
public final class ResultsRenderer {
    private static final int SOURCE_WIDTH = 40;

    private ResultsRenderer() {}

    /** One line per result, numbered from 1: its magic, its label or code (cut to fit), its centre. */
    public static List<String> list(List<ResultRecord> all) {
        if (all.isEmpty()) return List.of("No results yet: %timeit and %time add one each time they measure.");
        int width = String.valueOf(all.size()).length();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ResultRecord record = all.get(i);
            lines.add(String.format(
                    Locale.ROOT,
                    "%" + width + "d  %-7s %-" + SOURCE_WIDTH + "s  %s",
                    i + 1,
                    "%" + record.magic(),
                    MetricText.name(record, SOURCE_WIDTH),
                    MetricText.value(record.metric().center(), record.metric().unit())));
        }
        return lines;
    }

    /** Result {@code number}'s fields, one a line. */
    public static List<String> show(int number, ResultRecord record) {
        Metric metric = record.metric();
        String unit = metric.unit();
        List<String> lines = new ArrayList<>();
        lines.add("Result " + number + ": %" + record.magic()
                + (record.label() == null ? "" : " --label " + record.label()));
        field(
                lines,
                "source",
                record.source().lines().findFirst().orElse("")
                        + (record.source().lines().count() > 1 ? " …" : ""));
        field(lines, "from", record.origin().describe());
        if (!record.params().isEmpty()) {
            field(
                    lines,
                    "params",
                    record.params().entrySet().stream()
                            .map(ResultsRenderer::param)
                            .collect(Collectors.joining(", ")));
        }
        field(
                lines,
                "metric",
                metric.name() + " in " + unit + ", " + metric.direction().json() + " is better");
        field(lines, "center", MetricText.value(metric.center(), unit));
        // %timeit's interval is its CI of the mean, shown below with the other statistics.
        if (!Double.isNaN(metric.ciLow()) && !(record.details() instanceof TimeitDetails)) {
            field(
                    lines,
                    "interval",
                    MetricText.value(metric.ciLow(), unit) + " … " + MetricText.value(metric.ciHigh(), unit));
        }
        double[] samples = metric.samples();
        field(
                lines,
                "samples",
                samples.length + ": "
                        + Arrays.stream(samples)
                                .mapToObj(s -> MetricText.value(s, unit))
                                .collect(Collectors.joining(", ")));
        if (record.details() instanceof TimeitDetails timeit) timeit(lines, timeit);
        else if (record.details() instanceof TimeDetails time) time(lines, time);
        for (String warning : record.warnings()) field(lines, "warning", warning);
        return lines;
    }

    private static void timeit(List<String> lines, TimeitDetails timeit) {
        RunStatistics stats = timeit.stats();
        field(
                lines,
                "loops",
                String.format(
                        Locale.ROOT,
                        "%,d per run, %d %s",
                        timeit.loops(),
                        stats.runs(),
                        stats.runs() == 1 ? "run" : "runs"));
        field(lines, "mean", Units.time(stats.mean()) + " ± " + Units.time(stats.stdev()) + " (std. dev.)");
        field(lines, "median", Units.time(stats.median()) + " ± " + Units.time(stats.mad()) + " (MAD × 1.4826)");
        field(lines, "min, max", Units.time(stats.min()) + ", " + Units.time(stats.max()));
        if (!Double.isNaN(stats.ciLow())) {
            field(
                    lines,
                    String.format(Locale.ROOT, "%.1f%% CI", stats.ciLevel() * 100),
                    Units.time(stats.ciLow()) + " … " + Units.time(stats.ciHigh()) + " (of the mean)");
        }
        if (!Double.isNaN(timeit.allocatedBytesPerOp())) {
            field(lines, "allocated", String.format(Locale.ROOT, "%.1f B/op", timeit.allocatedBytesPerOp()));
        }
    }

    private static void time(List<String> lines, TimeDetails time) {
        field(
                lines,
                "cpu",
                "user " + Units.time(time.userNanos()) + ", sys " + Units.time(time.systemNanos()) + ", engine process "
                        + Units.time(time.processCpuNanos()));
        field(lines, "gc", time.gcCount() + " collections, " + Units.time(time.gcTimeNanos()));
    }

    private static void field(List<String> lines, String name, String value) {
        lines.add(String.format(Locale.ROOT, "  %-9s %s", name, value));
    }

    /** {@code key=value}, a value of several lines cut to its first. */
    private static String param(Map.Entry<String, Object> entry) {
        String value = String.valueOf(entry.getValue());
        return entry.getKey() + "="
                + (value.contains("\n") ? value.lines().findFirst().orElse("") + " …" : value);
    }
}
