package dev.perfshell.timing.runtime;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/** Totals over the JVM's garbage collectors: collections, and the time the JVM reports for them. */
public final class GcCounters {
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();

    public long count() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : collectors) sum += Math.max(0, gc.getCollectionCount());
        return sum;
    }

    public long millis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : collectors) sum += Math.max(0, gc.getCollectionTime());
        return sum;
    }

    /** Collections of the old generation (or whole heap): the ones that make one run an outlier. */
    long oldCount() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            String name = gc.getName();
            if (name.contains("Old") || name.contains("MarkSweep") || name.contains("Full"))
                sum += Math.max(0, gc.getCollectionCount());
        }
        return sum;
    }
}
