package dev.perfshell.profiling.flame;

/**
 * The shell's request for one {@code %flame}: written in the shell and read in the engine with {@code WireForm}.
 *
 * @param className     the generated {@code Timed} class's binary name
 * @param durationNanos how long to run the statement again and again (at least once)
 * @param event         {@code cpu}, {@code alloc}, {@code wall} or {@code lock}
 * @param interval      async-profiler's interval text, or {@code null} for the default
 * @param sampler       which backend may sample, and async-profiler's jar
 * @param threads       sample every thread, each stack under its thread's frame
 * @param jfrFile       absolute path for a JFR recording of the profile, or {@code null}
 */
public record FlameRequest(
        String className,
        long durationNanos,
        String event,
        String interval,
        Sampler sampler,
        boolean threads,
        String jfrFile) {

    /**
     * Which sampling backend may run, for {@code %flame} and {@code %flame --list}.
     *
     * @param backend {@code auto} (async-profiler, JFR where it cannot load), {@code async} or {@code jfr}
     * @param jar     async-profiler's jar, or {@code null} when the shell has none (auto then falls back to JFR)
     */
    public record Sampler(String backend, String jar) {}
}
