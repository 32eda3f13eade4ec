package dev.perfshell.repl.profile;

import java.util.List;
import java.util.Objects;

/**
 * What {@code %prun} measured: one row per profiled method (and per boundary callee, cProfile's
 * {@code {built-in method}} rows), and the caller→callee edges between them. Times in nanoseconds,
 * already corrected for the probes' own cost.
 *
 * @param source                 the profiled statement as typed
 * @param totalNanos             wall time of the statement under the probes
 * @param subtractedNanosPerCall what was subtracted per call for the probes' own cost (0 with --counts)
 * @param threads                threads that ran profiled code
 * @param timed                  whether times were measured ({@code false} with --counts: counts only)
 * @param methods                one row per method that ran, in no particular order
 * @param edges                  who called whom, with the same figures per edge
 * @param partial                the statement threw or was stopped: the profile covers what ran
 * @param sampling               where the times came from when they were sampled, else {@code null}
 * @param repeats                runs the times were sampled over (%prun -n; the counts are of one more run, with
 *                               probes); the times are per run
 */
public record Profile(
        String source,
        long totalNanos,
        long subtractedNanosPerCall,
        int threads,
        boolean timed,
        List<MethodStats> methods,
        List<CallEdge> edges,
        boolean partial,
        Sampling sampling,
        int repeats) {

    public Profile {
        Objects.requireNonNull(source, "source");
        methods = List.copyOf(methods);
        edges = List.copyOf(edges);
        if (repeats < 1) throw new IllegalArgumentException("repeats must be at least 1, got " + repeats);
    }

    /** A profile whose times came from clock probes (or none, with --counts), of one run of the statement. */
    public Profile(
            String source,
            long totalNanos,
            long subtractedNanosPerCall,
            int threads,
            boolean timed,
            List<MethodStats> methods,
            List<CallEdge> edges,
            boolean partial) {
        this(source, totalNanos, subtractedNanosPerCall, threads, timed, methods, edges, partial, null, 1);
    }

    /**
     * Where a sampled profile's times come from.
     *
     * @param samples      samples of the statement the shares are of (the probes' excluded)
     * @param probeSamples samples that landed in the counting probes' own code, given to no row
     * @param sampler      what sampled, e.g. {@code async-profiler wall clock every 100 µs}
     * @param oneSampleNanos the time one sample stands for
     */
    public record Sampling(long samples, long probeSamples, String sampler, double oneSampleNanos) {
        /** A time resting on fewer samples than this is shown as approximate. */
        public static final long FEW = 20;
    }

    /** {@code sampled}, {@code timed} (clock probes) or {@code counts}, as the JSON export names the mode. */
    public String mode() {
        return sampling != null ? "sampled" : timed ? "timed" : "counts";
    }

    /** All calls, of profiled methods and boundary callees (pstats' "N function calls"). */
    public long totalCalls() {
        return methods.stream().mapToLong(MethodStats::calls).sum();
    }

    /** Calls that were not recursive (pstats' "(M primitive calls)"). */
    public long primitiveCalls() {
        return methods.stream().mapToLong(MethodStats::primitiveCalls).sum();
    }

    /**
     * One method's figures.
     *
     * @param key              unique id of the row, used by {@link CallEdge}
     * @param method           the method as Java names it: {@code fib(int)}, {@code Box.twice(int)}, {@code java.util.HashMap.get(Object)}
     * @param location         pstats' location: {@code #3:1(fib)} for a snippet (snippet id, line), {@code Foo.java:12(bar)} for a user
     *                         class, {@code {java.util.HashMap.get}} for a boundary callee
     * @param boundary         a call out of profiled code into code that is not profiled (JDK, libraries)
     * @param calls            every call
     * @param primitiveCalls   calls not made while the same method was already running in the thread
     * @param selfNanos        time in the method itself, callees excluded (pstats' tottime); 0 when not timed
     * @param cumulativeNanos  time in the method and its callees, counted once for recursion (pstats' cumtime)
     * @param selfSamples      samples whose innermost row was this one (-1 when the profile was not sampled)
     * @param totalSamples     samples with this row on the stack (-1 when not sampled)
     */
    public record MethodStats(
            String key,
            String method,
            String location,
            boolean boundary,
            long calls,
            long primitiveCalls,
            long selfNanos,
            long cumulativeNanos,
            long selfSamples,
            long totalSamples) {
        /** A row of a profile that was not sampled: no sample counts (-1). */
        public MethodStats(
                String key,
                String method,
                String location,
                boolean boundary,
                long calls,
                long primitiveCalls,
                long selfNanos,
                long cumulativeNanos) {
            this(key, method, location, boundary, calls, primitiveCalls, selfNanos, cumulativeNanos, -1, -1);
        }
    }

    /**
     * Calls from one row to another (pstats' callers/callees views).
     *
     * @param caller          the calling row's key
     * @param callee          the called row's key
     * @param calls           calls along this edge
     * @param primitiveCalls  of which not recursive
     * @param selfNanos       the callee's self time spent in these calls
     * @param cumulativeNanos the callee's cumulative time spent in these calls
     */
    public record CallEdge(
            String caller, String callee, long calls, long primitiveCalls, long selfNanos, long cumulativeNanos) {}
}
