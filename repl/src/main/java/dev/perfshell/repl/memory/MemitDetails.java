package dev.perfshell.repl.memory;

import static dev.perfshell.repl.results.JsonValues.number;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfshell.profiling.memory.MemitResult;
import dev.perfshell.profiling.memory.MemitRun;
import dev.perfshell.repl.results.JsonValues;
import dev.perfshell.repl.results.Metric;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code %memit}'s figures in a result, in bytes (the repeat with the highest peak); -1 where unknown (RSS without
 * /proc).
 *
 * @param allocatedBytesPerOp the looped expression's B/op, NaN when not measured
 * @param ops                 operations of that loop, 0 when not measured
 * @param valueBytes          the deep size of the expression's value, or {@code null}
 */
public record MemitDetails(
        long peakBytes,
        long incrementBytes,
        long allocatedBytes,
        double allocatedBytesPerOp,
        long ops,
        long retainedBytes,
        long gcCount,
        long gcTimeNanos,
        long peakRssBytes,
        long rssIncrementBytes,
        Long valueBytes)
        implements ResultRecord.Details {

    /**
     * A {@code %memit} result: metric {@code allocated} in bytes, one sample per repeat (exact, unlike the
     * heap peak, whose TLAB granularity makes it a poor thing to compare), center the median.
     */
    public static ResultRecord record(
            String label, MemitReport report, Map<String, Object> params, ResultOrigin origin) {
        double[] allocated =
                report.runs().stream().mapToDouble(MemitRun::allocatedBytes).toArray();
        double[] sorted = allocated.clone();
        Arrays.sort(sorted);
        double median = sorted.length % 2 == 1
                ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        Metric metric =
                new Metric("allocated", "bytes", Metric.Direction.LOWER, allocated, median, Double.NaN, Double.NaN);
        MemitResult r = report.result();
        List<String> warnings = report.stopped().isEmpty() ? List.of() : List.of(report.stopped());
        return new ResultRecord(
                "memit",
                label,
                report.source(),
                params,
                origin.script(),
                origin.line(),
                warnings,
                metric,
                new MemitDetails(
                        r.peakBytes(),
                        r.incrementBytes(),
                        r.allocatedBytes(),
                        r.allocatedBytesPerOp(),
                        report.perOp() == null ? 0 : report.perOp().ops(),
                        r.retainedBytes(),
                        r.gcCount(),
                        r.gcTimeNanos(),
                        r.peakRssBytes(),
                        r.rssIncrementBytes(),
                        report.value() == null ? null : report.value().totalBytes()));
    }

    /**
     * One value of a {@code %memit --param} sweep: metric {@code allocated} in {@code bytes/op}, one sample (the
     * looped expression's exact allocation per operation), no interval; no details beyond the metric (there is no
     * single run's heap peak to report).
     */
    public static ResultRecord perOpRecord(
            String label, String source, Map<String, Object> params, double bytesPerOp, ResultOrigin origin) {
        Metric metric = new Metric(
                "allocated",
                "bytes/op",
                Metric.Direction.LOWER,
                new double[] {bytesPerOp},
                bytesPerOp,
                Double.NaN,
                Double.NaN);
        // ops (how often it was looped) varies from run to run: not a param, or comparisons would never match.
        return new ResultRecord(
                "memit", label, source, params, origin.script(), origin.line(), List.of(), metric, null);
    }

    @Override
    public void writeJson(ObjectNode node) {
        node.put("peakBytes", peakBytes);
        node.put("incrementBytes", incrementBytes);
        node.put("allocatedBytes", allocatedBytes);
        node.set("allocatedBytesPerOp", number(allocatedBytesPerOp));
        node.put("ops", ops);
        node.put("retainedBytes", retainedBytes);
        node.put("gcCount", gcCount);
        node.put("gcTimeNanos", gcTimeNanos);
        boolean rssKnown = peakRssBytes >= 0;
        node.set("peakRssBytes", JsonValues.countOrNull(rssKnown ? peakRssBytes : null));
        node.set("rssIncrementBytes", JsonValues.countOrNull(rssKnown ? rssIncrementBytes : null));
        node.set("valueBytes", JsonValues.countOrNull(valueBytes));
    }
}
