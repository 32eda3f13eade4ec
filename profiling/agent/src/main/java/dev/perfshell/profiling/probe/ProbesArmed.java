package dev.perfshell.profiling.probe;

import java.util.List;

/**
 * The engine's reply to arming %prun's or %lprun/%mprun's probes.
 *
 * @param woven    %prun: classes woven; %lprun/%mprun: methods woven (0 when only sampling)
 * @param skipped  classes that could not be woven, each with why (%prun)
 * @param sampling the sampler started beside the probes, or {@code null} when the times come from the probes
 */
public record ProbesArmed(long woven, List<String> skipped, Sampling sampling) {
    public ProbesArmed {
        skipped = List.copyOf(skipped);
    }
}
