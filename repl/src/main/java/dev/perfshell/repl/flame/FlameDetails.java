package dev.perfshell.repl.flame;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfshell.repl.results.Metric;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code %flame}'s figures in a result: the flat profile's rows (samples per method), highest self first.
 *
 * @param event   the event that really ran (cpu may have become itimer)
 * @param backend {@code async-profiler} or {@code JFR}
 * @param html    the flame graph written, or {@code null}
 * @param threads samples per thread with {@code --threads}, most first; empty otherwise
 * @param jfr     the JFR recording written with {@code --jfr FILE}, or {@code null}
 */
public record FlameDetails(
        String event,
        String backend,
        long samples,
        long ops,
        List<FlatProfile.Row> top,
        String html,
        List<FoldedStacks.ThreadSamples> threads,
        String jfr)
        implements ResultRecord.Details {
    public FlameDetails {
        top = List.copyOf(top);
        threads = List.copyOf(threads);
    }

    /**
     * A {@code %flame} result: metric {@code time} in ns/op, the statement's mean wall time per run while sampled
     * (profiler cost included, one sample: a sampling profile is for where time goes, %timeit for how much);
     * details carry the whole flat profile.
     */
    public static ResultRecord record(
            String label, FlameReport report, Map<String, Object> params, ResultOrigin origin) {
        double perOp = report.ops() == 0 ? report.nanos() : (double) report.nanos() / report.ops();
        Metric metric = new Metric(
                "time", "ns/op", Metric.Direction.LOWER, new double[] {perOp}, perOp, Double.NaN, Double.NaN);
        List<String> warnings = new ArrayList<>();
        if (!report.notes().isEmpty()) warnings.add(report.notes());
        if (report.threw() != null) warnings.add("the statement threw " + report.threw());
        return new ResultRecord(
                "flame",
                label,
                report.source(),
                params,
                origin.script(),
                origin.line(),
                warnings,
                metric,
                new FlameDetails(
                        report.event(),
                        report.backend(),
                        report.flat().samples(),
                        report.ops(),
                        report.flat().rows(),
                        report.html(),
                        report.threads(),
                        report.jfr()));
    }

    @Override
    public void writeJson(ObjectNode node) {
        node.put("event", event);
        node.put("backend", backend);
        node.put("samples", samples);
        node.put("ops", ops);
        ArrayNode rows = node.putArray("top");
        for (FlatProfile.Row row : top) {
            ObjectNode item = rows.addObject();
            item.put("method", row.method());
            item.put("selfSamples", row.selfSamples());
            item.put("totalSamples", row.totalSamples());
        }
        node.put("html", html);
        if (!threads.isEmpty()) {
            ArrayNode array = node.putArray("threads");
            for (FoldedStacks.ThreadSamples thread : threads) {
                array.addObject().put("thread", thread.thread()).put("samples", thread.samples());
            }
        }
        node.put("jfr", jfr);
    }
}
