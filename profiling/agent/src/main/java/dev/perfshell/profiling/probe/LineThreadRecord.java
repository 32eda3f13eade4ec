package dev.perfshell.profiling.probe;

import java.util.Arrays;

/**
 * One thread's line profile. Each frame of a chosen method keeps its own line timer (a per-frame shadow
 * stack): a line's span runs from its event to the next event of the same frame, so profiled callees and
 * recursion add to the calling line rather than steal from it (red-team.md §12). One reading per event:
 * the clock (%lprun) or the thread's allocation counter (%mprun).
 *
 * <p>For the clock, every event inside a span costs one probe's worth of time in it: the span's count of
 * events is kept so the recorder can subtract the calibrated cost.
 */
final class LineThreadRecord {
    private final boolean bytes;
    private final com.sun.management.ThreadMXBean threads;

    private int depth;
    private int[] frameMethod = new int[32];
    private int[] frameLine = new int[32];
    private long[] frameStart = new long[32];
    private long[] frameEvents = new long[32];
    private long events;

    final long[][] hits;
    final long[][] values;
    final long[][] eventsInSpans;
    private final int[] firstLine;

    LineThreadRecord(LineTable table, boolean bytes, com.sun.management.ThreadMXBean threads) {
        this.bytes = bytes;
        this.threads = threads;
        int size = table.size();
        hits = new long[size][];
        values = new long[size][];
        eventsInSpans = new long[size][];
        firstLine = new int[size];
        for (int m = 0; m < size; m++) {
            LineTable.Entry entry = table.get(m);
            hits[m] = new long[entry.span()];
            values[m] = new long[entry.span()];
            eventsInSpans[m] = new long[entry.span()];
            firstLine[m] = Math.max(0, entry.firstLine());
        }
    }

    private long read() {
        return bytes ? threads.getCurrentThreadAllocatedBytes() : System.nanoTime();
    }

    void enter(int method) {
        long now = read();
        events++;
        if (depth == frameMethod.length) grow();
        frameMethod[depth] = method;
        frameLine[depth] = -1;
        frameStart[depth] = now;
        frameEvents[depth] = events;
        depth++;
    }

    void line(int method, int line) {
        long now = read();
        events++;
        if (!top(method, now)) return;
        int f = depth - 1;
        closeSpan(f, now);
        int index = Math.min(Math.max(0, line - firstLine[method]), hits[method].length - 1);
        hits[method][index]++;
        frameLine[f] = index;
        frameStart[f] = now;
        frameEvents[f] = events;
    }

    void exit(int method) {
        long now = read();
        events++;
        if (!top(method, now)) return;
        closeSpan(depth - 1, now);
        depth--;
    }

    /** Makes {@code method}'s frame the top one: frames an exception skipped past are closed now. */
    private boolean top(int method, long now) {
        while (depth > 0 && frameMethod[depth - 1] != method) {
            closeSpan(depth - 1, now);
            depth--;
        }
        return depth > 0;
    }

    private void closeSpan(int f, long now) {
        int index = frameLine[f];
        if (index < 0) return;
        int method = frameMethod[f];
        values[method][index] += now - frameStart[f];
        eventsInSpans[method][index] += events - frameEvents[f];
    }

    /** Spans still open (the statement was stopped): closed now. */
    void closeAll() {
        long now = read();
        while (depth > 0) {
            closeSpan(depth - 1, now);
            depth--;
        }
    }

    private void grow() {
        int size = frameMethod.length * 2;
        frameMethod = Arrays.copyOf(frameMethod, size);
        frameLine = Arrays.copyOf(frameLine, size);
        frameStart = Arrays.copyOf(frameStart, size);
        frameEvents = Arrays.copyOf(frameEvents, size);
    }
}
