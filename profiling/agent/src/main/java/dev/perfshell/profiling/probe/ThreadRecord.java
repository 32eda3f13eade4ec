package dev.perfshell.profiling.probe;

import java.util.Arrays;

/**
 * One thread's profile: a frame stack and per-method and per-edge sums, in plain arrays (a probe pair
 * costs two clock reads, ~49 ns here; everything else must stay a few ns). Only its own thread writes it;
 * the recorder reads it after the statement has finished.
 *
 * <p>Raw times include the probes' own cost; {@link Recorder} subtracts it with the calibrated figures
 * and the counts kept here (direct child calls for self time, descendant calls for cumulative time).
 */
final class ThreadRecord {
    private final boolean timed;

    // the frame stack: FRAME longs per frame in one array (one bounds check and one cache line per frame)
    private static final int FRAME = 4;
    private static final int METHOD = 0;
    private static final int START = 1;
    private static final int CHILD_NANOS = 2;
    private static final int CALLS_AT_ENTER = 3;
    private int depth;
    private long[] frames = new long[64 * FRAME];
    /** Every call seen by this thread, boundary calls included: descendants = difference at exit. */
    private long callCounter;
    /** --counts: the profiled method running on this thread, -1 for none. */
    private int current = -1;

    // per method: calls without a profiled caller (a call with one is summed on its edge only, and Recorder adds
    // the edges to the callee's totals), and the counts that frames of any depth need
    long[] calls = new long[16];
    long[] primitiveCalls = new long[16];
    long[] selfNanos = new long[16];
    long[] cumulativeNanos = new long[16];
    long[] descendantCalls = new long[16];
    private int[] active = new int[16];

    final EdgeTable edges = new EdgeTable();

    ThreadRecord(boolean timed) {
        this.timed = timed;
    }

    void enter(int method) {
        ensureMethod(method);
        callCounter++;
        boolean outermost = active[method]++ == 0;
        if (depth == 0) { // no caller, so no edge: counted here
            calls[method]++;
            if (outermost) primitiveCalls[method]++;
        }
        int f = depth * FRAME;
        if (f == frames.length) frames = Arrays.copyOf(frames, frames.length * 2);
        frames[f + METHOD] = method;
        frames[f + CHILD_NANOS] = 0;
        frames[f + CALLS_AT_ENTER] = callCounter;
        frames[f + START] = System.nanoTime(); // the clock read closes the probe's own work
        depth++;
    }

    /**
     * --counts: only what exact counts need (calls, primitive calls, caller→callee edges), so a call costs a
     * few ns: no clock, no frame stack (the woven method keeps its caller in a local and hands it back to
     * {@link #countExit}), no child or descendant bookkeeping. A call with a caller is counted on its edge
     * only; {@link Recorder} adds the edges to the callee's totals.
     *
     * @return the caller's id, -1 for none
     */
    int countEnter(int method) {
        ensureMethod(method);
        int caller = current;
        boolean outermost = active[method] == 0;
        if (caller >= 0) {
            edges.add(caller, method, 1, outermost ? 1 : 0, 0, 0);
        } else {
            calls[method]++;
            if (outermost) primitiveCalls[method]++;
        }
        // Last, after every call that can throw (a StackOverflowError in deep recursion): the catch-all handler
        // does not cover the entry probe, so a frame must not count as active before its entry is complete.
        active[method]++;
        current = method;
        return caller;
    }

    /** @param caller what {@link #countEnter} returned for this call */
    void countExit(int method, int caller) {
        // a frame entered before this profile started (not counted, so not active) is not taken off
        if (method < active.length && active[method] > 0) active[method]--;
        current = caller;
    }

    void exit(int method) {
        long now = System.nanoTime(); // first, for the same reason
        // An exception that escaped a method without its handler (a frame of code not woven, e.g. a boundary
        // callee that threw through) leaves frames above ours: close them at this instant.
        while (depth > 0 && frames[(depth - 1) * FRAME + METHOD] != method) close(now);
        if (depth > 0) close(now);
    }

    void boundary(int callee) {
        ensureMethod(callee);
        if (!timed) {
            if (current >= 0) {
                edges.add(current, callee, 1, 1, 0, 0);
            } else {
                calls[callee]++;
                primitiveCalls[callee]++;
            }
            return;
        }
        callCounter++;
        if (depth > 0) {
            edges.add((int) frames[(depth - 1) * FRAME + METHOD], callee, 1, 1, 0, 0);
        } else {
            calls[callee]++;
            primitiveCalls[callee]++;
        }
    }

    private void close(long now) {
        depth--;
        int f = depth * FRAME;
        int method = (int) frames[f + METHOD];
        long elapsed = now - frames[f + START];
        long self = elapsed - frames[f + CHILD_NANOS];
        boolean outermost = --active[method] == 0; // the stack is consistent: no outer frame of it is open
        if (outermost) descendantCalls[method] += callCounter - frames[f + CALLS_AT_ENTER];
        if (depth > 0) {
            frames[f - FRAME + CHILD_NANOS] += elapsed;
            edges.add((int) frames[f - FRAME + METHOD], method, 1, outermost ? 1 : 0, self, outermost ? elapsed : 0);
        } else {
            selfNanos[method] += self;
            if (outermost) cumulativeNanos[method] += elapsed;
        }
    }

    private void ensureMethod(int id) {
        if (id < calls.length) return;
        int size = Math.max(id + 1, calls.length * 2);
        calls = Arrays.copyOf(calls, size);
        primitiveCalls = Arrays.copyOf(primitiveCalls, size);
        selfNanos = Arrays.copyOf(selfNanos, size);
        cumulativeNanos = Arrays.copyOf(cumulativeNanos, size);
        descendantCalls = Arrays.copyOf(descendantCalls, size);
        active = Arrays.copyOf(active, size);
    }

    /**
     * Frames still open (the statement was stopped, or a thread is still running): closed now. (--counts has
     * no frames: what it counted is final.)
     */
    void closeAll() {
        if (!timed) return;
        long now = System.nanoTime();
        while (depth > 0) close(now);
    }
}
