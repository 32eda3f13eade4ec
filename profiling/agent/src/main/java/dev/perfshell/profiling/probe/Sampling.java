package dev.perfshell.profiling.probe;

/**
 * The sampler that ran beside the probes (or instead of them): what it was and what it took, or why it could not
 * sample. An arm reports the sampler it started ({@code sampler}, {@code fallbackReason}); a take adds the stacks.
 *
 * @param sampler        what samples, for the report's footer ("async-profiler cpu, 1 ms")
 * @param fallbackReason why JFR samples instead of async-profiler, or "" when async-profiler does
 * @param stacks         the folded stacks, root first (a take only; {@code null} at arm)
 * @param intervalNanos  the interval the sampler ran at (a take only)
 * @param problem        why nothing was sampled; {@code null} when sampling worked
 */
public record Sampling(String sampler, String fallbackReason, String stacks, long intervalNanos, String problem) {

    /** A sampler that could not start or stop: the profile goes on without samples, and says why. */
    public static Sampling failed(Exception why) {
        return new Sampling(null, null, null, 0, String.valueOf(why.getMessage()));
    }

    /** Whether stacks were taken. */
    public boolean sampled() {
        return stacks != null;
    }
}
