package dev.perfshell.repl.flame;

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

    /** Samples per thread, most first, when the profile was split by thread ({@code --threads}); else empty. */
    public java.util.List<FoldedStacks.ThreadSamples> threads() {
        return stacks.threads();
    }
}
