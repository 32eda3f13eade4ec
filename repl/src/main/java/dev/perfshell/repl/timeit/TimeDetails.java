package dev.perfshell.repl.timeit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfshell.repl.results.Metric;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.timing.runtime.OnceTiming;
import java.util.List;
import java.util.Map;

/** {@code %time}'s figures in a result: the single run's times in ns and its garbage collections. */
public record TimeDetails(
        long wallNanos,
        long userNanos,
        long systemNanos,
        long processCpuNanos,
        long gcCount,
        long gcTimeNanos,
        long compileNanos)
        implements ResultRecord.Details {

    /** A {@code %time} result: metric {@code wall} in ns, one sample, no interval. */
    public static ResultRecord record(String source, OnceTiming timing, ResultOrigin origin) {
        double wall = timing.wallNanos();
        Metric metric =
                new Metric("wall", "ns", Metric.Direction.LOWER, new double[] {wall}, wall, Double.NaN, Double.NaN);
        return new ResultRecord(
                "time",
                null,
                source,
                Map.of(),
                origin.script(),
                origin.line(),
                List.of(),
                metric,
                new TimeDetails(
                        timing.wallNanos(),
                        timing.userNanos(),
                        timing.systemNanos(),
                        timing.processCpuNanos(),
                        timing.gcCount(),
                        timing.gcMillis() * 1_000_000,
                        timing.compileNanos()));
    }

    @Override
    public void writeJson(ObjectNode node) {
        node.put("wallNanos", wallNanos);
        node.put("userNanos", userNanos);
        node.put("systemNanos", systemNanos);
        node.put("processCpuNanos", processCpuNanos);
        node.put("gcCount", gcCount);
        node.put("gcTimeNanos", gcTimeNanos);
        node.put("compileNanos", compileNanos);
    }
}
