package dev.perfshell.repl.profile;

import dev.perfshell.profiling.probe.Descriptors;
import dev.perfshell.profiling.probe.MethodProfile;
import dev.perfshell.profiling.probe.MethodTable;
import dev.perfshell.profiling.probe.PrunTake;
import dev.perfshell.profiling.probe.SampleAttribution;
import dev.perfshell.repl.session.SnippetSources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Turns the engine's profile (class, method, descriptor and class-file line per row) into rows users
 * read: methods by their Java names, and locations by snippet id and line ({@code #3:1(fib)}) as jshell
 * names snippets, or by source file and line for classes of the user's jars.
 */
public final class ProfileReader {
    private final SnippetSources sources;

    public ProfileReader(JShell jshell) {
        this.sources = new SnippetSources(jshell);
    }

    /**
     * @param taken      the engine's reply to PRUN_TAKE: the probes' profile, and the samples taken beside them
     * @param totalNanos the statement's wall time under the probes
     * @param partial    the statement threw or was stopped
     */
    public Profile read(String source, PrunTake taken, long totalNanos, boolean partial) {
        return read(
                source,
                taken.profile(),
                totalNanos,
                partial,
                taken.stacks() != null
                        ? new Samples(taken.stacks(), taken.sampling().sampler(), totalNanos, 1)
                        : null);
    }

    /**
     * Stacks sampled while the statement ran, and what they stand for.
     *
     * @param stacks    async-profiler's folded stacks (or JFR's, folded the same way)
     * @param sampler   what sampled them, for the footer
     * @param wallNanos the wall time of the runs they were taken in
     * @param runs      how many runs of the statement that was (%prun -n)
     */
    public record Samples(String stacks, String sampler, long wallNanos, int runs) {}

    /**
     * @param samples the stacks the times come from: taken in the same run as the counts, or in the {@code -n} runs
     *                without probes before it; {@code null} for a profile timed by clock probes or not timed
     */
    public Profile read(String source, MethodProfile probed, long totalNanos, boolean partial, Samples samples) {
        SampleScale scale = samples == null ? null : SampleScale.of(probed, samples);
        List<Profile.MethodStats> rows = new ArrayList<>();
        Map<Integer, String> keys = new HashMap<>();
        java.util.Set<Integer> wrapping = resultBoxing(probed);
        for (MethodProfile.Method m : probed.methods()) {
            int id = m.id(); // the engine sends called methods only, each with the id edges use
            if (m.calls() == 0 || wrapping.contains(id)) continue;
            String key = (m.boundary() ? "B " : "M ") + m.owner() + "." + m.name() + m.descriptor();
            keys.put(id, key);
            String shown = method(m.owner(), m.name(), m.descriptor(), m.boundary());
            String where = location(m.owner(), m.name(), m.line(), m.boundary());
            rows.add(
                    scale == null
                            ? new Profile.MethodStats(
                                    key,
                                    shown,
                                    where,
                                    m.boundary(),
                                    m.calls(),
                                    m.primitiveCalls(),
                                    m.selfNanos(),
                                    m.cumulativeNanos())
                            : new Profile.MethodStats(
                                    key,
                                    shown,
                                    where,
                                    m.boundary(),
                                    m.calls(),
                                    m.primitiveCalls(),
                                    scale.nanos(scale.result.selfSamples()[id]),
                                    scale.nanos(scale.result.totalSamples()[id]),
                                    scale.result.selfSamples()[id],
                                    scale.result.totalSamples()[id]));
        }
        List<Profile.CallEdge> edges = new ArrayList<>();
        for (MethodProfile.Edge e : probed.edges()) {
            String caller = keys.get(e.caller());
            String callee = keys.get(e.callee());
            if (caller == null || callee == null) continue;
            long pair = ((long) e.caller() << 32) | e.callee();
            edges.add(new Profile.CallEdge(
                    caller,
                    callee,
                    e.calls(),
                    e.primitiveCalls(),
                    scale == null
                            ? e.selfNanos()
                            : scale.nanos(scale.result.edgeSelf().getOrDefault(pair, 0L)),
                    scale == null
                            ? e.cumulativeNanos()
                            : scale.nanos(scale.result.edgeTotal().getOrDefault(pair, 0L))));
        }
        return new Profile(
                source,
                totalNanos,
                probed.subtractedNanosPerCall(),
                (int) probed.threads(),
                scale != null || probed.timed(),
                rows,
                edges,
                partial,
                scale == null ? null : scale.sampling(),
                samples == null ? 1 : samples.runs());
    }

    /**
     * A sampled profile's shares of the statement's time. The wall time of the sampled runs holds the probes' own time
     * too when they ran at once; the samples that landed in the probes say how much, and it is taken out: the rest
     * is shared among the rows. Times are per run of the statement.
     */
    record SampleScale(SampleAttribution.Result result, double nanosPerSample, String sampler) {
        static SampleScale of(MethodProfile probed, Samples samples) {
            Map<Integer, MethodTable.Entry> entries = new HashMap<>();
            for (MethodProfile.Method m : probed.methods()) entries.put(m.id(), m.entry());
            SampleAttribution.Result result = new SampleAttribution(entries).attribute(samples.stacks());
            long all = result.statementSamples() + result.probeSamples();
            double perSample = all == 0 ? 0 : (double) samples.wallNanos() / samples.runs() / all;
            return new SampleScale(result, perSample, samples.sampler());
        }

        /** Rounded down: a caller's samples are at least its callee's, so every row's time stays within its caller's and the header's. */
        long nanos(long sampleCount) {
            return (long) Math.floor(sampleCount * nanosPerSample);
        }

        Profile.Sampling sampling() {
            return new Profile.Sampling(result.statementSamples(), result.probeSamples(), sampler, nanosPerSample);
        }
    }

    /**
     * The rows JShell's wrapping of the statement adds, not the user's code: the boxing of an expression's value
     * ({@code Integer.valueOf} and the like), called once by the statement's own frame.
     */
    private static java.util.Set<Integer> resultBoxing(MethodProfile probed) {
        Map<Integer, MethodProfile.Method> byId = new HashMap<>();
        for (MethodProfile.Method m : probed.methods()) byId.put(m.id(), m);
        java.util.Set<Integer> boxing = new java.util.HashSet<>();
        for (MethodProfile.Edge e : probed.edges()) {
            MethodProfile.Method caller = byId.get(e.caller());
            MethodProfile.Method callee = byId.get(e.callee());
            if (caller == null || callee == null || !"do_it$".equals(caller.name())) continue;
            if (callee.boundary()
                    && "valueOf".equals(callee.name())
                    && callee.calls() == 1
                    && BOXES.contains(callee.owner())) {
                boxing.add(e.callee());
            }
        }
        return boxing;
    }

    private static final java.util.Set<String> BOXES = java.util.Set.of(
            "java/lang/Integer",
            "java/lang/Long",
            "java/lang/Double",
            "java/lang/Float",
            "java/lang/Short",
            "java/lang/Byte",
            "java/lang/Character",
            "java/lang/Boolean");

    /** {@code fib(int)}, {@code Box.twice(int)}, {@code <statement>}, {@code java.util.HashMap.get(Object)}. */
    public static String method(String owner, String name, String descriptor, boolean boundary) {
        String parameters = "(" + Descriptors.parameters(descriptor) + ")";
        if (boundary) return owner.replace('/', '.').replace('$', '.') + "." + name + parameters;
        if (name.equals("do_it$")) return "<statement>";
        String dotted = owner.replace('/', '.');
        if (SnippetSources.isSnippetClass(dotted)) {
            String nested = SnippetSources.nested(dotted);
            return (nested == null ? "" : nested.replace('$', '.') + ".") + name + parameters;
        }
        return dotted.replace('$', '.') + "." + name + parameters;
    }

    private String location(String owner, String name, int classLine, boolean boundary) {
        if (boundary) return "{" + owner.replace('/', '.').replace('$', '.') + "." + name + "}";
        String shown = name.equals("do_it$") ? "<statement>" : name;
        String dotted = owner.replace('/', '.');
        if (!SnippetSources.isSnippetClass(dotted)) {
            String top = dotted.substring(dotted.lastIndexOf('.') + 1);
            int nested = top.indexOf('$');
            return (nested < 0 ? top : top.substring(0, nested)) + ".java:" + classLine + "(" + shown + ")";
        }
        Optional<Snippet> snippet = sources.snippetOf(dotted);
        if (snippet.isEmpty()) return dotted + ":" + classLine + "(" + shown + ")";
        // A method typed as its own snippet starts on the snippet's first line, as cProfile names a def's line;
        // other methods (of classes, lambdas) by the first line of their body.
        boolean ownSnippet = snippet.get() instanceof jdk.jshell.MethodSnippet method
                && method.name().equals(name);
        int line = ownSnippet ? 1 : Math.max(1, sources.snippetLine(snippet.get(), classLine));
        return "#" + snippet.get().id() + ":" + line + "(" + shown + ")";
    }
}
