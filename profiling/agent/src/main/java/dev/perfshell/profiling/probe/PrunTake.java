package dev.perfshell.profiling.probe;

import dev.perfshell.timing.runtime.ProfileReset;

/**
 * The engine's reply to taking %prun's profile: the probes' record and the samples taken beside them.
 *
 * @param profile      what the probes recorded; {@code null} after a sampling-only arm (the runs of {@code -n})
 * @param clockNanos   the cost of one clock read in this engine (0 until a timed profile calibrated it)
 * @param pairNanos    the calibrated cost of a probe pair per call (0 until then)
 * @param profileReset what the reset of the reached code's JIT profiles did; {@code null} after sampling only
 * @param sampling     the sampler's stacks, or why there are none; {@code null} when nothing sampled
 */
public record PrunTake(
        MethodProfile profile,
        double clockNanos,
        double pairNanos,
        ProfileReset.Outcome profileReset,
        Sampling sampling) {

    /** The stacks sampled, or {@code null}. */
    public String stacks() {
        return sampling == null ? null : sampling.stacks();
    }
}
