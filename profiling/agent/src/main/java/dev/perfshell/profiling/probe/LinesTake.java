package dev.perfshell.profiling.probe;

import dev.perfshell.timing.runtime.ProfileReset;
import java.util.List;

/**
 * The engine's reply to taking a line profile.
 *
 * @param lines        what the line probes recorded; {@code null} after a sampling-only arm (the runs of {@code -n})
 * @param profileReset what the reset of the reached code's JIT profiles did; {@code null} after sampling only
 * @param sampling     the sampler's stacks (lines in their frames), or why there are none; {@code null} when nothing
 *                     sampled
 * @param layoutFlags  JVM flags that make object sizes differ from the default (for %mprun's bytes), else empty
 */
public record LinesTake(
        LineCounts lines, ProfileReset.Outcome profileReset, Sampling sampling, List<String> layoutFlags) {
    public LinesTake {
        layoutFlags = List.copyOf(layoutFlags);
    }

    /** The stacks sampled, or {@code null}. */
    public String stacks() {
        return sampling == null ? null : sampling.stacks();
    }
}
