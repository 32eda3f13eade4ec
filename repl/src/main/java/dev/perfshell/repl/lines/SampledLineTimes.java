package dev.perfshell.repl.lines;

import dev.perfshell.profiling.probe.LineCounts;
import dev.perfshell.profiling.probe.LineSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * %lprun's line times from samples: the engine's line profile keeps its exact hits, and each line's time becomes
 * its share of the statement's samples times the wall time of one run. The samples that landed in the line probes'
 * own code are left out of the shares, as %prun leaves its probes' out.
 *
 * @param counts   the line profile with sampled times (perEventNanos 0: nothing was subtracted)
 * @param samples  the statement's samples the times rest on
 * @param probeSamples samples left out for landing in the probes
 * @param sampler  what sampled
 */
public record SampledLineTimes(LineCounts counts, long samples, long probeSamples, String sampler) {

    /**
     * @param probed    what the line probes counted: the hits (and the probes' clock times, replaced here)
     * @param stacks    folded stacks with lines in their frames, taken in the same run or in the -n runs
     * @param wallNanos the wall time of the sampled runs
     * @param runs      how many runs that was
     */
    public static SampledLineTimes of(LineCounts probed, String stacks, String sampler, long wallNanos, int runs) {
        List<LineSamples.Method> chosen = new ArrayList<>();
        for (LineCounts.Method m : probed.methods())
            chosen.add(new LineSamples.Method(m.owner(), m.name(), m.descriptor()));
        LineSamples.Result counted = new LineSamples(chosen).attribute(stacks);
        long all = counted.statementSamples() + counted.probeSamples();
        double perSample = all == 0 ? 0 : (double) wallNanos / runs / all;
        List<LineCounts.Method> methods = new ArrayList<>();
        int index = 0;
        for (LineCounts.Method method : probed.methods()) {
            Map<Integer, Long> perLine = counted.perMethod().get(index++);
            List<LineCounts.Line> lines = new ArrayList<>();
            for (LineCounts.Line line : method.lines()) {
                long samples = perLine.getOrDefault(line.line(), 0L);
                lines.add(new LineCounts.Line(line.line(), line.hits(), Math.round(samples * perSample), samples));
            }
            methods.add(new LineCounts.Method(method.owner(), method.name(), method.descriptor(), lines));
        }
        return new SampledLineTimes(
                new LineCounts(methods, 0.0, probed.bytes()),
                counted.statementSamples(),
                counted.probeSamples(),
                sampler);
    }

    /** The footer under a sampled line table. */
    public String footer() {
        if (samples == 0) return "No sample fell in the statement (" + sampler + "). Next: -n N, or --timed.";
        String probes = probeSamples == 0
                ? ""
                : String.format(
                        java.util.Locale.ROOT,
                        "; the line probes' own %d%% of the samples is left out",
                        Math.round(100.0 * probeSamples / (samples + probeSamples)));
        return String.format(
                java.util.Locale.ROOT,
                "Times rest on %,d samples (%s)%s; hits are counted exactly. "
                        + "A line with fewer than 20 samples has a rough time.",
                samples,
                sampler,
                probes);
    }
}
