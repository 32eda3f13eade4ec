package dev.perfshell.repl.jmh;

import java.util.List;
import java.util.Map;

/**
 * What one {@code %jmh} run benchmarks: the snippet, its setup, {@code -p}'s values and the threads running it, after
 * the session parts replayed into the benchmark class.
 *
 * @param parameters {@code -p}'s values by name, in order
 * @param parts      the session as replayed
 * @param dropped    what {@code --no-session} left out of the replay, for the hint when the rest does not compile
 * @param noSession  whether {@code --no-session} was given
 */
public record JmhBenchmark(
        String code,
        String setup,
        Map<String, List<String>> parameters,
        int threads,
        List<SessionPart> parts,
        List<SessionPart> dropped,
        boolean noSession) {

    /** The benchmark with the whole session replayed, or with {@code --no-session} its declarations only. */
    public static JmhBenchmark of(
            SessionReplay replay,
            boolean noSession,
            String code,
            String setup,
            Map<String, List<String>> parameters,
            int threads) {
        return noSession
                ? new JmhBenchmark(code, setup, parameters, threads, replay.declarations(), replay.state(), true)
                : new JmhBenchmark(code, setup, parameters, threads, replay.parts(), List.of(), false);
    }

    /** The benchmark class's source in {@code packageName}. */
    JmhSource source(JmhSourceBuilder builder, String packageName, boolean asStatement)
            throws JmhSourceBuilder.BuildException {
        return builder.build(packageName, parts, code, setup, parameters, threads, asStatement);
    }
}
