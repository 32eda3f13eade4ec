package dev.perfshell.profiling.probe;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The running line profile: a {@link LineThreadRecord} per thread, merged and corrected when done. */
final class LineRecorder {
    private final LineTable table;
    private final boolean bytes;
    private final double perEventNanos;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** The first thread to record (see Recorder): written once, under the lock. */
    private Thread owner;

    private final LineThreadRecord ownerRecord;
    private final Map<Thread, LineThreadRecord> others = new ConcurrentHashMap<>();

    /** @param perEventNanos the calibrated cost of one line event, subtracted per event inside a span (0 for bytes) */
    LineRecorder(LineTable table, boolean bytes, double perEventNanos) {
        this.table = table;
        this.bytes = bytes;
        this.perEventNanos = perEventNanos;
        this.ownerRecord = new LineThreadRecord(table, bytes, threads);
    }

    LineThreadRecord thread() {
        Thread current = Thread.currentThread();
        if (current == owner) return ownerRecord;
        return claimOrLookUp(current);
    }

    private synchronized LineThreadRecord claimOrLookUp(Thread current) {
        if (owner == null) {
            owner = current;
            return ownerRecord;
        }
        return current == owner
                ? ownerRecord
                : others.computeIfAbsent(current, t -> new LineThreadRecord(table, bytes, threads));
    }

    void start() {
        Probes.startLines(this);
    }

    void stop() {
        Probes.stopLines();
    }

    /** Per chosen method (in the order chosen), the class-file lines that ran, with the probes' cost subtracted. */
    LineCounts report() {
        List<LineThreadRecord> records = new ArrayList<>();
        records.add(ownerRecord);
        records.addAll(others.values());
        records.forEach(LineThreadRecord::closeAll);
        List<LineCounts.Method> methods = new ArrayList<>();
        for (int m = 0; m < table.size(); m++) {
            LineTable.Entry entry = table.get(m);
            List<LineCounts.Line> lines = new ArrayList<>();
            for (int i = 0; i < entry.span(); i++) {
                long hits = 0;
                double value = 0;
                for (LineThreadRecord r : records) {
                    int slot = r.slot(m, Math.max(0, entry.firstLine()) + i);
                    hits += r.hits[slot];
                    value += r.values[slot] - perEventNanos * r.eventsInSpans[slot];
                }
                if (hits == 0) continue;
                lines.add(new LineCounts.Line(
                        Math.max(0, entry.firstLine()) + i, hits, Math.max(0, Math.round(value)), 0));
            }
            methods.add(new LineCounts.Method(entry.owner(), entry.name(), entry.descriptor(), lines));
        }
        return new LineCounts(methods, perEventNanos, bytes);
    }
}
