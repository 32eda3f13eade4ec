package dev.perfshell.profiling.memory;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import dev.perfshell.timing.runtime.GcCounters;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The engine side of {@code %memit}: what a statement that runs once does to the heap.
 *
 * <p>Armed by the front end, it then follows every snippet invocation until taken:
 * <ul>
 *   <li><b>peak heap used</b>: between collections the heap's used size only grows, so its peak is
 *       either the used size when the statement ends or the used size just before one of the
 *       collections during the run, which the JVM's GC notifications report
 *       ({@code memoryUsageBeforeGc}). Short-lived garbage therefore counts, however short-lived;
 *       memory_profiler's 0.1 s RSS sampling missed a 40 ms, 76 MiB list 10 times out of 10.</li>
 *   <li><b>allocated bytes</b>: the snippet thread's allocation counter, exact (no sampling);</li>
 *   <li><b>retained</b>: heap used after a full collection, minus the same before;</li>
 *   <li>collections and their time, and the process RSS as a labelled secondary figure.</li>
 * </ul>
 * Runs in the engine JVM: JDK types only; figures leave as a {@code HashMap} of longs.
 */
public final class MemoryMeter {
    /** How long {@link #take} waits for the notifications of collections that happened during the run. */
    private static final long NOTIFICATION_WAIT_NANOS = 1_000_000_000L;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .collect(Collectors.toList());
    private final Set<String> heapPoolNames =
            heapPools.stream().map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final GcCounters gc = new GcCounters();
    private final ProcessMemory process = new ProcessMemory();

    /** The highest collection id each collector has notified, and the heap used before the run's collections. */
    private final Map<String, Long> notifiedIds = new ConcurrentHashMap<>();

    private final AtomicLong peakBeforeGc = new AtomicLong();
    /** Heap used after the run's latest collection, and every thread's allocation counter when it was notified. */
    private volatile long lastAfterGc = -1, allocatedAtLastGc;

    private volatile Map<String, Long> firstRunIds = Map.of();
    private boolean listening;

    private boolean armed;
    private boolean allThreads;
    private boolean peakRssReset;
    private int invocations;
    private long baselineHeap, baselineRss, gcCountBefore, gcMillisBefore, totalAllocatedBefore;
    private long allocated, allocatedBefore, maxUsedAtEnd, totalAllocatedAtEnd;

    /**
     * Starts a measurement: a full collection, so the baseline is live data only, then the
     * baselines. Later snippet invocations accumulate until {@link #take}.
     *
     * @param allThreads count the allocation of every thread, not only the snippet thread's
     */
    public void arm(boolean allThreads) {
        listen();
        System.gc();
        this.allThreads = allThreads;
        armed = true;
        invocations = 0;
        allocated = 0;
        maxUsedAtEnd = 0;
        peakBeforeGc.set(0);
        lastAfterGc = -1;
        Map<String, Long> ids = new HashMap<>();
        for (GarbageCollectorMXBean collector : collectors)
            ids.put(collector.getName(), collector.getCollectionCount());
        firstRunIds = ids; // collections numbered above these happen during the run
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        baselineHeap = memory.getHeapMemoryUsage().getUsed();
        baselineRss = process.rss();
        peakRssReset = process.resetPeak();
        gcCountBefore = gc.count();
        gcMillisBefore = gc.millis();
        totalAllocatedBefore = threads.getTotalThreadAllocatedBytes();
        totalAllocatedAtEnd = totalAllocatedBefore;
    }

    /** Before a snippet invocation. */
    public void begin() {
        if (!armed) return;
        allocatedBefore = threads.getCurrentThreadAllocatedBytes();
    }

    /** After a snippet invocation, also one that threw or was stopped. */
    public void end() {
        if (!armed) return;
        allocated += threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
        totalAllocatedAtEnd = threads.getTotalThreadAllocatedBytes();
        maxUsedAtEnd =
                Math.max(maxUsedAtEnd, Math.max(memory.getHeapMemoryUsage().getUsed(), usedByAllocation()));
        invocations++;
    }

    /**
     * Ends the measurement: waits for the notifications of the run's collections, reads the peaks,
     * then collects fully once more for the retained figure. Figures in bytes and nanoseconds.
     */
    public MemitRun take() {
        armed = false;
        // JDK 17 sums live threads: one that allocated before the run and ended during it lowers the sum
        long totalAllocated = allThreads ? Math.max(0, totalAllocatedAtEnd - totalAllocatedBefore) : allocated;
        long gcCount = gc.count() - gcCountBefore;
        long gcMillis = gc.millis() - gcMillisBefore;
        long peakRss = peakRssReset ? process.peakRss() : Math.max(process.rss(), baselineRss);
        boolean notified = awaitNotifications();
        long peak = Math.max(maxUsedAtEnd, peakBeforeGc.get());
        if (!notified) peak = Math.max(peak, poolPeaks()); // an upper bound, where notifications are late
        System.gc();
        long retained = memory.getHeapMemoryUsage().getUsed() - baselineHeap;

        return new MemitRun(
                invocations,
                baselineHeap,
                Math.max(peak, baselineHeap),
                totalAllocated,
                allThreads,
                retained,
                gcCount,
                gcMillis * 1_000_000L,
                baselineRss,
                baselineRss < 0 ? -1 : Math.max(peakRss, baselineRss),
                !peakRssReset,
                layoutFlags());
    }

    /**
     * The heap used now, from allocation counters: G1 reports its used size with a lag (it counts a region
     * when it is handed out or retired: 4 MiB seen for 10 MB of 1 MB arrays), while between collections
     * used = used after the last one + every thread's allocation since. Before the run's first collection
     * that is exact; after one it may undercount by what was allocated before the notification came.
     */
    private long usedByAllocation() {
        long total = threads.getTotalThreadAllocatedBytes();
        long afterGc = lastAfterGc;
        if (afterGc < 0) return gc.count() == gcCountBefore ? baselineHeap + (total - totalAllocatedBefore) : 0;
        return afterGc + Math.max(0, total - allocatedAtLastGc);
    }

    /** Figures of a run that never started (the statement did not compile). */
    public void cancel() {
        armed = false;
    }

    /** The JVM flags that make object sizes differ from a default JVM's (see ObjectLayoutFlags). */
    public static List<String> layoutFlags() {
        return ObjectLayoutFlags.nonDefault();
    }

    private boolean awaitNotifications() {
        long deadline = System.nanoTime() + NOTIFICATION_WAIT_NANOS;
        while (true) {
            boolean all = true;
            for (GarbageCollectorMXBean collector : collectors) {
                long expected = collector.getCollectionCount();
                if (expected > firstRunIds.getOrDefault(collector.getName(), 0L)
                        && notifiedIds.getOrDefault(collector.getName(), 0L) < expected) all = false;
            }
            if (all) return true;
            if (System.nanoTime() > deadline) return false;
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private long poolPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean pool : heapPools) sum += pool.getPeakUsage().getUsed();
        return sum;
    }

    /** Registers the GC notification listener once, when {@code %memit} is first used. */
    private void listen() {
        if (listening) return;
        listening = true;
        NotificationListener listener = this::onNotification;
        for (GarbageCollectorMXBean collector : collectors) {
            if (collector instanceof NotificationEmitter emitter) emitter.addNotificationListener(listener, null, null);
        }
    }

    private void onNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) return;
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        GcInfo gcInfo = info.getGcInfo();
        if (gcInfo.getId() > firstRunIds.getOrDefault(info.getGcName(), Long.MAX_VALUE)) {
            long used = 0;
            for (Map.Entry<String, MemoryUsage> pool :
                    gcInfo.getMemoryUsageBeforeGc().entrySet()) {
                if (heapPoolNames.contains(pool.getKey()))
                    used += pool.getValue().getUsed();
            }
            peakBeforeGc.accumulateAndGet(used, Math::max);
            long after = 0;
            for (Map.Entry<String, MemoryUsage> pool :
                    gcInfo.getMemoryUsageAfterGc().entrySet()) {
                if (heapPoolNames.contains(pool.getKey()))
                    after += pool.getValue().getUsed();
            }
            allocatedAtLastGc = threads.getTotalThreadAllocatedBytes();
            lastAfterGc = after;
        }
        notifiedIds.merge(info.getGcName(), gcInfo.getId(), Math::max);
    }
}
