package dev.perfshell.profiling.probe;

import java.util.Arrays;

/**
 * One thread's line profile. Each frame of a chosen method keeps its own line timer (a per-frame shadow
 * stack): a line's span runs from its event to the next event of the same frame, so profiled callees and
 * recursion add to the calling line rather than steal from it. One reading per event:
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
    /** The frame's current line as a slot of the flat per-line arrays, -1 before its first line. */
    private int[] frameLine = new int[32];

    private long[] frameStart = new long[32];
    private long[] frameEvents = new long[32];
    private long events;

    // Per line, flat over all chosen methods: method m's line L is slot base[m] + (L - firstLine[m]).
    final long[] hits;
    final long[] values;
    final long[] eventsInSpans;
    private final int[] base;
    private final int[] firstLine;
    private final int[] span;

    LineThreadRecord(LineTable table, boolean bytes, com.sun.management.ThreadMXBean threads) {
        this.bytes = bytes;
        this.threads = threads;
        int size = table.size();
        base = new int[size];
        firstLine = new int[size];
        span = new int[size];
        int slots = 0;
        for (int m = 0; m < size; m++) {
            LineTable.Entry entry = table.get(m);
            base[m] = slots;
            firstLine[m] = Math.max(0, entry.firstLine());
            span[m] = entry.span();
            slots += span[m];
        }
        hits = new long[slots];
        values = new long[slots];
        eventsInSpans = new long[slots];
    }

    /** The slot of method {@code m}'s class-file line {@code line}. */
    int slot(int m, int line) {
        return base[m] + Math.min(Math.max(0, line - firstLine[m]), span[m] - 1);
    }

    private long read() {
        return bytes ? threads.getCurrentThreadAllocatedBytes() : System.nanoTime();
    }

    void enter(int method) {
        long now = read();
        long e = ++events;
        if (depth == frameMethod.length) grow();
        frameMethod[depth] = method;
        frameLine[depth] = -1;
        frameStart[depth] = now;
        frameEvents[depth] = e;
        depth++;
    }

    void line(int method, int line) {
        long now = read();
        long e = ++events;
        int f = depth - 1;
        if (f < 0 || frameMethod[f] != method) {
            if (!top(method, now)) return;
            f = depth - 1;
        }
        int current = frameLine[f];
        if (current >= 0) {
            values[current] += now - frameStart[f];
            eventsInSpans[current] += e - frameEvents[f];
        }
        int next = slot(method, line);
        hits[next]++;
        frameLine[f] = next;
        frameStart[f] = now;
        frameEvents[f] = e;
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
        int current = frameLine[f];
        if (current < 0) return;
        values[current] += now - frameStart[f];
        eventsInSpans[current] += events - frameEvents[f];
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
