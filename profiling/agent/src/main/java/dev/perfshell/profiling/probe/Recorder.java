package dev.perfshell.profiling.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running profile: one {@link ThreadRecord} per thread that runs profiled code, merged when the
 * statement is done, with the probes' own cost subtracted.
 *
 * <p>The probes' cost model: a probe pair costs {@code pairNanos} of wall time, of
 * which {@code windowNanos} falls between the two clock reads (the part of the entry probe after its
 * read and of the exit probe before its read). So a call's own raw time holds {@code windowNanos} of
 * probe, and each direct callee's pair adds {@code pairNanos - windowNanos} more to its self time;
 * cumulative time holds {@code windowNanos} plus a whole pair per descendant call.
 */
public final class Recorder {
    private final MethodTable methods;
    private final boolean timed;
    private final boolean timeBoundaries;
    private final double pairNanos;
    private final double windowNanos;
    /**
     * The first thread to record, the statement's: its record needs no lookup (JShell runs snippets on a thread
     * of its own). Written once, under the lock; a thread that reads it stale takes the locked path, which is right.
     */
    private Thread owner;

    private final ThreadRecord ownerRecord;
    private final Map<Thread, ThreadRecord> others = new ConcurrentHashMap<>();
    private long startNanos;
    private long wallNanos;

    Recorder(MethodTable methods, boolean timed, double pairNanos, double windowNanos) {
        this(methods, timed, false, pairNanos, windowNanos);
    }

    /** @param timeBoundaries boundary callees were timed (--time-boundary): their rows get times like methods */
    Recorder(MethodTable methods, boolean timed, boolean timeBoundaries, double pairNanos, double windowNanos) {
        this.methods = methods;
        this.timed = timed;
        this.timeBoundaries = timeBoundaries;
        this.pairNanos = pairNanos;
        this.windowNanos = windowNanos;
        this.ownerRecord = new ThreadRecord(timed);
    }

    /** The calling thread's record: the first thread's without a lookup, others' through a map. */
    ThreadRecord thread() {
        Thread current = Thread.currentThread();
        if (current == owner) return ownerRecord;
        return claimOrLookUp(current);
    }

    private synchronized ThreadRecord claimOrLookUp(Thread current) {
        if (owner == null) {
            owner = current;
            return ownerRecord;
        }
        return current == owner ? ownerRecord : others.computeIfAbsent(current, t -> new ThreadRecord(timed));
    }

    void start() {
        startNanos = System.nanoTime();
        Probes.start(this);
    }

    void stop() {
        Probes.stop();
        wallNanos = System.nanoTime() - startNanos;
    }

    /**
     * The merged profile, for the front end: the methods called, the edges between them (by the methods' ids, indexes
     * into the method table), with the clock probes' cost subtracted from a timed profile.
     */
    MethodProfile report() {
        List<ThreadRecord> records = new ArrayList<>();
        records.add(ownerRecord);
        records.addAll(others.values());
        int size = methods.size();
        long[][] totals = new long[6][size];
        HashMap<Long, long[]> edges = new HashMap<>();
        int threads = 0;
        for (ThreadRecord record : records) {
            record.closeAll();
            boolean ran = false;
            for (int m = 0; m < Math.min(size, record.calls.length); m++) {
                ran |= record.calls[m] > 0;
                totals[0][m] += record.calls[m];
                totals[1][m] += record.primitiveCalls[m];
                totals[2][m] += record.selfNanos[m];
                totals[3][m] += record.cumulativeNanos[m];
                totals[5][m] += record.descendantCalls[m];
            }
            if (ran) threads++;
            record.edges.forEach((caller, callee, sums) -> {
                // a thread still running woven code of an earlier profile can carry ids of its method table
                if (caller >= size || callee >= size) return;
                long[] sum = edges.computeIfAbsent(((long) caller << 32) | callee, k -> new long[4]);
                for (int i = 0; i < 4; i++) sum[i] += sums[i];
                // a call with a caller was counted (and timed) on its edge only
                totals[0][callee] += sums[0];
                totals[1][callee] += sums[1];
                totals[2][callee] += sums[2];
                totals[3][callee] += sums[3];
                totals[4][caller] += sums[0]; // direct child calls: every call a frame made went on an edge
            });
        }
        long clamped = 0;
        double[] selfScale = new double[size];
        double[] cumScale = new double[size];
        List<MethodProfile.Method> rows = new ArrayList<>();
        for (int m = 0; m < size; m++) {
            // Every method of every session class is woven, and a long session has many thousands: only
            // those called go to the shell (the soak's reply reached five million objects after 986 magics).
            if (totals[0][m] == 0) continue;
            MethodTable.Entry entry = methods.get(m);
            long self = 0;
            long cumulative = 0;
            if (timed && (!entry.boundary() || timeBoundaries)) {
                long corrected = Math.round(
                        totals[2][m] - windowNanos * totals[0][m] - (pairNanos - windowNanos) * totals[4][m]);
                if (corrected < 0 && totals[0][m] >= 1000) clamped++; // the probes' cost exceeded what was measured
                self = Math.max(0, corrected);
                cumulative = Math.max(
                        self, Math.round(totals[3][m] - windowNanos * totals[1][m] - pairNanos * totals[5][m]));
                selfScale[m] = totals[2][m] == 0 ? 0 : (double) self / totals[2][m];
                cumScale[m] = totals[3][m] == 0 ? 0 : (double) cumulative / totals[3][m];
            }
            rows.add(new MethodProfile.Method(
                    m, // what edges name it by
                    entry.owner(),
                    entry.name(),
                    entry.descriptor(),
                    entry.line(),
                    entry.boundary(),
                    totals[0][m],
                    totals[1][m],
                    self,
                    cumulative));
        }
        List<MethodProfile.Edge> edgeRows = new ArrayList<>();
        edges.forEach((key, sum) -> {
            int caller = (int) (key >>> 32);
            int callee = (int) (long) key;
            // an edge's share of the callee's corrected times, in proportion to its raw share
            edgeRows.add(new MethodProfile.Edge(
                    caller,
                    callee,
                    sum[0],
                    sum[1],
                    Math.round(sum[2] * selfScale[callee]),
                    Math.round(sum[3] * cumScale[callee])));
        });
        return new MethodProfile(
                rows,
                edgeRows,
                wallNanos,
                Math.max(1, threads),
                timed,
                timed && timeBoundaries,
                clamped,
                timed ? Math.round(pairNanos) : 0L);
    }
}
