package dev.perfshell.repl.lines;

import dev.perfshell.profiling.probe.LineSamples;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * %lprun's line times from samples: the engine's line profile keeps its exact hits, and each line's time becomes
 * its share of the statement's samples times the wall time of one run. The samples that landed in the line probes'
 * own code are left out of the shares, as %prun leaves its probes' out.
 *
 * @param wire     the line profile with sampled times ("perEventNanos" 0: nothing was subtracted)
 * @param samples  the statement's samples the times rest on
 * @param probeSamples samples left out for landing in the probes
 * @param sampler  what sampled
 */
public record SampledLineTimes(Map<String, Object> wire, long samples, long probeSamples, String sampler) {

    /**
     * @param wire      the engine's reply to LINES_TAKE: the hits (and the probes' clock times, replaced here)
     * @param stacks    folded stacks with lines in their frames, taken in the same run or in the -n runs
     * @param wallNanos the wall time of the sampled runs
     * @param runs      how many runs that was
     */
    public static SampledLineTimes of(Map<?, ?> wire, String stacks, String sampler, long wallNanos, int runs) {
        List<LineSamples.Method> chosen = new ArrayList<>();
        for (Object item : (List<?>) wire.get("methods")) {
            Map<?, ?> m = (Map<?, ?>) item;
            chosen.add(new LineSamples.Method(
                    (String) m.get("owner"), (String) m.get("name"), (String) m.get("descriptor")));
        }
        LineSamples.Result counted = new LineSamples(chosen).attribute(stacks);
        long all = counted.statementSamples() + counted.probeSamples();
        double perSample = all == 0 ? 0 : (double) wallNanos / runs / all;
        List<Object> methods = new ArrayList<>();
        int index = 0;
        for (Object item : (List<?>) wire.get("methods")) {
            Map<Integer, Long> perLine = counted.perMethod().get(index++);
            HashMap<String, Object> method = new HashMap<>((Map<String, Object>) cast(item));
            List<Object> lines = new ArrayList<>();
            for (Object l : (List<?>) method.get("lines")) {
                HashMap<String, Object> line = new HashMap<>((Map<String, Object>) cast(l));
                long samples = perLine.getOrDefault(((Number) line.get("line")).intValue(), 0L);
                line.put("value", Math.round(samples * perSample));
                line.put("samples", samples);
                lines.add(line);
            }
            method.put("lines", lines);
            methods.add(method);
        }
        HashMap<String, Object> sampled = new HashMap<>((Map<String, Object>) cast(wire));
        sampled.put("methods", methods);
        sampled.put("perEventNanos", 0.0);
        return new SampledLineTimes(sampled, counted.statementSamples(), counted.probeSamples(), sampler);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
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
