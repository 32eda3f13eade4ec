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
 */
public record Profile(String source, long totalNanos, long subtractedNanosPerCall, int threads, boolean timed,
                      List<MethodStats> methods, List<CallEdge> edges, boolean partial) {

    public Profile {
        Objects.requireNonNull(source, "source");
        methods = List.copyOf(methods);
        edges = List.copyOf(edges);
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
     */
    public record MethodStats(String key, String method, String location, boolean boundary, long calls, long primitiveCalls,
                              long selfNanos, long cumulativeNanos) {}

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
    public record CallEdge(String caller, String callee, long calls, long primitiveCalls, long selfNanos, long cumulativeNanos) {}
}
