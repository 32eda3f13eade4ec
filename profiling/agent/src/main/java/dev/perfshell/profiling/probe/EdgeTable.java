package dev.perfshell.profiling.probe;

import java.util.Arrays;

/**
 * Caller→callee sums keyed by the id pair, in an open-addressing table of primitive arrays: a
 * {@code HashMap<Long, long[]>} would box a key on every call.
 */
final class EdgeTable {
    private long[] keys = new long[64];
    private boolean[] used = new boolean[64];
    long[][] sums = new long[64][];
    private int size;
    /** The last edge used: a recursive method or a loop calls along the same edge again and again. */
    private long lastKey = -1;

    private long[] lastSums;

    void add(int caller, int callee, long calls, long primitiveCalls, long selfNanos, long cumulativeNanos) {
        long key = ((long) caller << 32) | (callee & 0xffffffffL);
        long[] s;
        if (key == lastKey) {
            s = lastSums;
        } else {
            s = sums[slot(key)];
            lastKey = key;
            lastSums = s;
        }
        s[0] += calls;
        s[1] += primitiveCalls;
        s[2] += selfNanos;
        s[3] += cumulativeNanos;
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = Long.hashCode(key * 0x9E3779B97F4A7C15L) & mask;
        while (used[i]) {
            if (keys[i] == key) return i;
            i = (i + 1) & mask;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
            return slot(key);
        }
        used[i] = true;
        keys[i] = key;
        sums[i] = new long[4];
        size++;
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        boolean[] oldUsed = used;
        long[][] oldSums = sums;
        keys = new long[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        sums = new long[oldKeys.length * 2][];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (!oldUsed[i]) continue;
            int slot = slot(oldKeys[i]);
            sums[slot] = oldSums[i];
        }
    }

    /** Every edge: caller, callee and its four sums. */
    void forEach(EdgeVisitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (used[i]) visitor.visit((int) (keys[i] >>> 32), (int) keys[i], Arrays.copyOf(sums[i], 4));
        }
    }

    interface EdgeVisitor {
        void visit(int caller, int callee, long[] sums);
    }
}
