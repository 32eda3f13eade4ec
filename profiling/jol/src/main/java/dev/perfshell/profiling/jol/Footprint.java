package dev.perfshell.profiling.jol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deep footprint of an object graph, as JOL's GraphLayout measures it in the engine ({@link JolFootprint}). The
 * bridge, in its isolated class loader, returns it as {@link #toWire()}'s JDK map; the shell reads that with
 * {@link #fromWire(Map)}. This record uses no JOL class, so the shell can load it without JOL.
 *
 * <p>The one record on the engine link with wire code of its own rather than {@code WireForm}'s: it is written in the
 * bridge's class loader, whose parent is the platform loader and which holds only this module's jar and jol-core's
 * (docs/architecture.md, 'Class-path isolation'), so the codec in {@code timing/runtime} is not there to call.
 *
 * @param rootClass  the root object's class, or {@code null} for a null value
 * @param totalBytes bytes of every object reachable from the root
 * @param objects    how many objects that is
 * @param rows       per class, largest sum first
 * @param layout     JOL's field layout of the root ({@code -v}), or {@code null}
 */
public record Footprint(String rootClass, long totalBytes, long objects, List<Row> rows, String layout) {

    /** One class of the graph: its instances and their bytes. */
    public record Row(String className, long count, long bytes) {
        public double averageBytes() {
            return count == 0 ? 0 : (double) bytes / count;
        }
    }

    public Footprint {
        rows = List.copyOf(rows);
    }

    /** The footprint of {@code null}: nothing. */
    public static Footprint ofNull() {
        return new Footprint(null, 0, 0, List.of(), null);
    }

    public HashMap<String, Object> toWire() {
        HashMap<String, Object> wire = new HashMap<>();
        if (rootClass == null) return wire;
        wire.put("totalBytes", totalBytes);
        wire.put("objects", objects);
        wire.put("rootClass", rootClass);
        ArrayList<HashMap<String, Object>> classes = new ArrayList<>();
        for (Row row : rows) {
            HashMap<String, Object> item = new HashMap<>();
            item.put("class", row.className());
            item.put("count", row.count());
            item.put("bytes", row.bytes());
            classes.add(item);
        }
        wire.put("classes", classes);
        if (layout != null) wire.put("layout", layout);
        return wire;
    }

    public static Footprint fromWire(Map<?, ?> wire) {
        if (!wire.containsKey("totalBytes")) return ofNull();
        List<Row> rows = new ArrayList<>();
        for (Object item : (List<?>) wire.get("classes")) {
            Map<?, ?> row = (Map<?, ?>) item;
            rows.add(new Row(
                    (String) row.get("class"),
                    ((Number) row.get("count")).longValue(),
                    ((Number) row.get("bytes")).longValue()));
        }
        return new Footprint(
                (String) wire.get("rootClass"),
                ((Number) wire.get("totalBytes")).longValue(),
                ((Number) wire.get("objects")).longValue(),
                rows,
                (String) wire.get("layout"));
    }
}
