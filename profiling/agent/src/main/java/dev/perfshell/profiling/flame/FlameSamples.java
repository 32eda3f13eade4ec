package dev.perfshell.profiling.flame;

/**
 * What the engine sampled for one {@code %flame} ({@link Flames#profile}): written in the engine and read in the
 * shell with {@code WireForm}.
 *
 * @param backend   {@code async-profiler} or {@code JFR}
 * @param why       why the backend is JFR ("" for async-profiler)
 * @param event     the event that really ran (cpu may have become itimer)
 * @param note      why the event differs from the one asked for, or ""
 * @param collapsed the folded stacks as the backend wrote them (raw frame names, engine frames included)
 * @param ops       statement runs completed
 * @param nanos     the sampled loop's wall time
 * @param threw     the exception that ended the loop ({@code Class: message}), or {@code null}
 * @param jfrFile   the JFR recording written ({@code --jfr FILE}), or {@code null}
 */
public record FlameSamples(
        String backend,
        String why,
        String event,
        String note,
        String collapsed,
        long ops,
        long nanos,
        String threw,
        String jfrFile) {}
