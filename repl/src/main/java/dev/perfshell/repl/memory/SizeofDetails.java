package dev.perfshell.repl.memory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfshell.profiling.jol.Footprint;
import dev.perfshell.repl.results.Metric;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import java.util.List;
import java.util.Map;

/**
 * {@code %sizeof}'s figures in a result: the deep footprint of a value.
 *
 * @param classes per class: class name, instance count, bytes; largest first
 */
public record SizeofDetails(String rootClass, long totalBytes, long objects, List<ClassBytes> classes)
        implements ResultRecord.Details {
    public SizeofDetails {
        classes = List.copyOf(classes);
    }

    /** One row of a footprint. */
    public record ClassBytes(String className, long count, long bytes) {}

    /** A {@code %sizeof} result: metric {@code footprint} in bytes, one sample. */
    public static ResultRecord record(String label, String source, Footprint footprint, ResultOrigin origin) {
        double total = footprint.totalBytes();
        Metric metric = new Metric(
                "footprint", "bytes", Metric.Direction.LOWER, new double[] {total}, total, Double.NaN, Double.NaN);
        List<ClassBytes> classes = footprint.rows().stream()
                .map(row -> new ClassBytes(row.className(), row.count(), row.bytes()))
                .toList();
        return new ResultRecord(
                "sizeof",
                label,
                source,
                Map.of(),
                origin.script(),
                origin.line(),
                List.of(),
                metric,
                new SizeofDetails(footprint.rootClass(), footprint.totalBytes(), footprint.objects(), classes));
    }

    @Override
    public void writeJson(ObjectNode node) {
        node.put("rootClass", rootClass);
        node.put("totalBytes", totalBytes);
        node.put("objects", objects);
        ArrayNode array = node.putArray("classes");
        for (ClassBytes row : classes) {
            ObjectNode item = array.addObject();
            item.put("class", row.className());
            item.put("count", row.count());
            item.put("bytes", row.bytes());
        }
    }
}
