package dev.perfshell.repl.lines;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfshell.repl.results.Metric;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import java.util.List;
import java.util.Map;

/** {@code %lprun}'s (ns) or {@code %mprun}'s (bytes) figures in a result, per method and line. */
public record LinesDetails(LineProfile profile) implements ResultRecord.Details {

    /**
     * A {@code %lprun} or {@code %mprun} result: metric {@code total} (ns, the chosen methods' lines summed) or
     * {@code allocated} (bytes), one sample.
     */
    public static ResultRecord record(String magic, String label, LineProfile profile, ResultOrigin origin) {
        boolean bytes = profile.kind() == LineProfile.Kind.BYTES;
        double total = profile.methods().stream()
                .mapToLong(LineProfile.MethodLines::total)
                .sum();
        Metric metric = new Metric(
                bytes ? "allocated" : "total",
                bytes ? "bytes" : "ns",
                Metric.Direction.LOWER,
                new double[] {total},
                total,
                Double.NaN,
                Double.NaN);
        List<String> warnings =
                profile.partial() ? List.of("partial profile: the statement did not complete") : List.of();
        return new ResultRecord(
                magic,
                label,
                profile.source(),
                Map.of(),
                origin.script(),
                origin.line(),
                warnings,
                metric,
                new LinesDetails(profile));
    }

    @Override
    public void writeJson(ObjectNode node) {
        boolean bytes = profile.kind() == LineProfile.Kind.BYTES;
        ArrayNode methods = node.putArray("methods");
        for (LineProfile.MethodLines m : profile.methods()) {
            ObjectNode item = methods.addObject();
            item.put("method", m.method());
            item.put("location", m.location());
            item.put(bytes ? "totalBytes" : "totalNanos", m.total());
            ArrayNode lines = item.putArray("lines");
            for (LineProfile.Line line : m.lines()) {
                ObjectNode l = lines.addObject();
                l.put("line", line.number());
                l.put("hits", line.hits());
                l.put(bytes ? "bytes" : "nanos", line.value());
                l.put("source", line.text());
            }
        }
    }
}
