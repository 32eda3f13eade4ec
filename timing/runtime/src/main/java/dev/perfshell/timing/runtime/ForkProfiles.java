package dev.perfshell.timing.runtime;

import java.lang.instrument.Instrumentation;

/**
 * {@code %jmh}'s fork agent ({@code -javaagent} of this jar): a JMH fork rebuilds the session by running its
 * statements in {@code @Setup(Level.Trial)}, and those statements train the JIT's profiles as they did in the
 * session (three top-level stream pipelines made {@code LongStream.range(0, 1_000_000).sum()} read 2.16 ms in
 * {@code %jmh} against 0.30 ms with {@code --no-session}). After the replay the benchmark resets them, as
 * {@code %timeit} does before its warm-up. The instrumentation is kept in a write-once holder: the JVM hands it to
 * {@code premain} and nothing else can reach it.
 */
public final class ForkProfiles {
    private static volatile Instrumentation instrumentation;

    private ForkProfiles() {}

    public static void premain(String args, Instrumentation inst) {
        if (instrumentation == null) instrumentation = inst;
    }

    /**
     * Resets the profiles the replay trained; called by the generated benchmark after the replay. Classes with no
     * class file are left as they are (the fork's classes all come from files).
     *
     * @return what was done, for the benchmark's log; "not reset: ..." without the agent
     */
    public static String resetAfterReplay() {
        Instrumentation inst = instrumentation;
        if (inst == null) return "not reset: the fork runs without perfshell's agent";
        ProfileReset.Outcome outcome = new ClassProfileReset(inst, type -> null).reset();
        return outcome.problem() != null ? "not reset: " + outcome.problem() : outcome.classes() + " classes reset";
    }
}
