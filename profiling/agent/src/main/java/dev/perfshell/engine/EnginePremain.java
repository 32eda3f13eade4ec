package dev.perfshell.engine;

import java.lang.instrument.Instrumentation;

/**
 * The engine's {@code -javaagent} entry. The JVM hands the {@link Instrumentation} to this static
 * method before {@code main}; it is kept in a write-once holder because that is the only way to
 * carry it from {@code premain} to the agent instance that {@link EngineAgent#main} creates.
 */
public final class EnginePremain {
    private static volatile Instrumentation instrumentation;
    private static final dev.perfshell.profiling.probe.SessionClassBytes CLASS_BYTES =
            new dev.perfshell.profiling.probe.SessionClassBytes();

    private EnginePremain() {}

    public static void premain(String args, Instrumentation inst) {
        if (instrumentation == null) instrumentation = inst;
        // This jar also carries the timing runtime, so %jmh's forks may load it as their agent (the shell finds the
        // runtime's classes here first): their profile reset gets the instrumentation too.
        dev.perfshell.timing.runtime.ForkProfiles.premain(args, inst);
    }

    /** The session classes' current bytes, as the shell sends them when a profiler arms. */
    static dev.perfshell.profiling.probe.SessionClassBytes classBytes() {
        return CLASS_BYTES;
    }

    /** The engine's instrumentation, or {@code null} when the engine was started without the agent. */
    static Instrumentation instrumentation() {
        return instrumentation;
    }
}
