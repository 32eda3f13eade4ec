package dev.perfshell.profiling.probe;

import java.util.List;

/**
 * What %prun's probes recorded ({@link Recorder#report()}): the methods called, with the class-file facts the shell
 * names them by, and who called whom. Times are the clock probes' with their cost subtracted (--timed), else 0.
 *
 * @param methods                the methods called at least once
 * @param edges                  calls between them, by the methods' ids
 * @param wallNanos              the recorder's own wall time from start to stop
 * @param threads                threads that ran profiled code (at least 1)
 * @param timed                  times come from clock probes
 * @param timedBoundaries        calls out of profiled code were timed too
 * @param clampedMethods         methods whose probes cost more than was measured (their self time shown as 0)
 * @param subtractedNanosPerCall what was subtracted per call for the probes' own cost (0 unless timed)
 */
public record MethodProfile(
        List<Method> methods,
        List<Edge> edges,
        long wallNanos,
        long threads,
        boolean timed,
        boolean timedBoundaries,
        long clampedMethods,
        long subtractedNanosPerCall) {

    public MethodProfile {
        methods = List.copyOf(methods);
        edges = List.copyOf(edges);
    }

    /**
     * One method called.
     *
     * @param id       its index in the method table: what edges and samples name it by
     * @param line     its first class-file line (-1 when unknown)
     * @param boundary a method outside the profiled code, called from it (a JDK or library method)
     */
    public record Method(
            int id,
            String owner,
            String name,
            String descriptor,
            int line,
            boolean boundary,
            long calls,
            long primitiveCalls,
            long selfNanos,
            long cumulativeNanos) {

        /** The method table's entry, as sampled stacks are matched against. */
        public MethodTable.Entry entry() {
            return new MethodTable.Entry(owner, name, descriptor, line, boundary);
        }
    }

    /** Calls from one method to another, with the callee's times on that edge. */
    public record Edge(int caller, int callee, long calls, long primitiveCalls, long selfNanos, long cumulativeNanos) {}
}
