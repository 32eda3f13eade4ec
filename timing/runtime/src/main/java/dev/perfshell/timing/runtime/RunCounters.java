package dev.perfshell.timing.runtime;

import java.lang.management.ManagementFactory;

/**
 * The counters read around each timed run besides its clock: the thread's allocated bytes, GC time and old
 * collections, the thread's page faults, and its wait for a CPU. {@link TimeitRunner} runs a loop two ways
 * (time-boxed, counted) and both read the same counters in the same order; here is that order, once. The caller reads
 * {@link #allocatedBytes()} itself, right around the loop: {@link #before()} and {@link #after} read /proc, which
 * allocates a little, so they stay outside the allocation window.
 */
final class RunCounters {
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final GcCounters gc;
    private final PageFaults pageFaults = new PageFaults();
    private final CpuWait cpuWait = new CpuWait();

    RunCounters(GcCounters gc) {
        this.gc = gc;
    }

    /** The counters before a run, read before its allocation window opens. */
    record Before(long faults, long cpuWait, long gcMillis, long oldGcs) {}

    Before before() {
        return new Before(pageFaults.minor(), cpuWait.nanos(), gc.millis(), gc.oldCount());
    }

    /** The timed thread's allocation counter: read right before and right after the loop. */
    long allocatedBytes() {
        return threads.getCurrentThreadAllocatedBytes();
    }

    /** The run's figures: its time, operations and allocation as the caller measured them, the rest since {@code before}. */
    TimedRun after(Before before, long nanos, long ops, long allocated) {
        return new TimedRun(
                nanos,
                ops,
                allocated,
                gc.millis() - before.gcMillis(),
                gc.oldCount() - before.oldGcs(),
                faultsSince(before.faults()),
                waitSince(before.cpuWait()));
    }

    /** Faults since {@code before} (read outside the allocation window: reading /proc allocates a little). */
    private long faultsSince(long before) {
        long after = pageFaults.minor();
        return before < 0 || after < 0 ? -1 : after - before;
    }

    /** Run-queue wait since {@code before}: the time other threads or processes held the CPU this run needed. */
    private long waitSince(long before) {
        long after = cpuWait.nanos();
        return before < 0 || after < 0 ? -1 : after - before;
    }
}
