package dev.perfshell.repl.flame;

import dev.perfshell.profiling.flame.FlameSamples;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code %flame} run, ready to render and record.
 *
 * @param source      the statement as typed
 * @param event       the event that really ran (cpu may have become itimer)
 * @param backend     {@code async-profiler} or {@code JFR}
 * @param notes       why the backend or event differs from what was asked ("" when they do not)
 * @param interval    the interval asked for, or {@code null} (the backend's default)
 * @param stacks      the stacks, renamed and cut at the statement
 * @param flat        their flat view
 * @param ops         statement runs
 * @param nanos       wall time of the sampled runs
 * @param threw       the exception that ended the runs, or {@code null}
 * @param html        the flame graph file, or {@code null}
 * @param jfr         the JFR recording written ({@code --jfr FILE}), or {@code null}
 */
public record FlameReport(
        String source,
        String event,
        String backend,
        String notes,
        String interval,
        FoldedStacks stacks,
        FlatProfile flat,
        long ops,
        long nanos,
        String threw,
        String html,
        String jfr) {

    /**
     * The report of the engine's samples, with the flat view of {@code stacks} and why the backend or event differs
     * from what was asked.
     *
     * @param stacks the samples' stacks, renamed and filtered
     */
    public static FlameReport of(
            String source, FlameSamples samples, FoldedStacks stacks, String interval, String html) {
        return new FlameReport(
                source,
                samples.event(),
                samples.backend(),
                notes(samples),
                interval,
                stacks,
                FlatProfile.of(stacks, samples.event().equals("alloc")),
                samples.ops(),
                samples.nanos(),
                samples.threw(),
                html,
                samples.jfrFile());
    }

    private static String notes(FlameSamples samples) {
        List<String> notes = new ArrayList<>();
        if (!samples.why().isEmpty()) notes.add("backend: " + samples.backend() + " (" + samples.why() + ")");
        if (!samples.note().isEmpty()) notes.add("event: " + samples.event() + " instead of cpu: " + samples.note());
        return String.join("; ", notes);
    }

    /** Samples per thread, most first, when the profile was split by thread ({@code --threads}); else empty. */
    public List<FoldedStacks.ThreadSamples> threads() {
        return stacks.threads();
    }
}
