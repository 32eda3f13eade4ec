package dev.perfshell.timing.runtime;

/**
 * One timed run's figures, as {@link RunCounters} read them around the run: the probe's, each warm-up run's and each
 * measured run's. Its own class so that {@link TimeitRunner} keeps to what it runs and when, and the rule that calls
 * a run "on fresh memory" sits beside the figures it reads.
 *
 * @param faults the timed thread's minor page faults, -1 when unknown
 * @param cpuWaitNanos the time the run waited for a CPU (run-queue wait), -1 when unknown
 */
record TimedRun(
        long nanos, long ops, long allocatedBytes, long gcMillis, long oldGcCount, long faults, long cpuWaitNanos) {

    /** Linux's base page: what one minor fault of heap memory touches (the engine does not ask for huge pages). */
    static final long PAGE_BYTES = 4096;
    /**
     * A run "on fresh memory": more than this share of what it allocated landed on never-touched pages.
     * In steady state the young generation reuses touched memory and the timed thread faults ~never; while
     * G1 grows the heap the share is up to 1, and where faults are dear (15 µs a page in this project's
     * sandbox) even 1% of fresh memory doubles a run's time.
     */
    static final double FRESH_MEMORY_SHARE = 0.001;
    /** Below this many faults a run is never called fresh (a TLAB's first touch, a stack page). */
    static final long MIN_FRESH_FAULTS = 16;

    /** The run touched fresh memory: see {@link #FRESH_MEMORY_SHARE}. */
    boolean onFreshMemory() {
        return faults > MIN_FRESH_FAULTS && faults * PAGE_BYTES > FRESH_MEMORY_SHARE * allocatedBytes;
    }

    /** Nanoseconds per operation: per loop turn, divided by the operations one snippet call performs. */
    double perOp(TimeitPlan plan) {
        return (double) nanos / ((double) ops * plan.opsPerInvocation());
    }
}
