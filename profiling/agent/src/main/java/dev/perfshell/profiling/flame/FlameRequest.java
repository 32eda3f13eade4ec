package dev.perfshell.profiling.flame;

import java.util.HashMap;
import java.util.Map;

/**
 * The shell's request for one {@code %flame}: written with {@link #toWire()} in the shell, read with
 * {@link #fromWire(Map)} in the engine.
 *
 * @param className     the generated {@code Timed} class's binary name
 * @param durationNanos how long to run the statement again and again (at least once)
 * @param event         {@code cpu}, {@code alloc}, {@code wall} or {@code lock}
 * @param interval      async-profiler's interval text, or {@code null} for the default
 * @param sampler       which backend may sample, and async-profiler's jar
 * @param threads       sample every thread, each stack under its thread's frame
 * @param jfrFile       absolute path for a JFR recording of the profile, or {@code null}
 */
public record FlameRequest(
        String className,
        long durationNanos,
        String event,
        String interval,
        Sampler sampler,
        boolean threads,
        String jfrFile) {

    /**
     * Which sampling backend may run, for {@code %flame} and {@code %flame --list}.
     *
     * @param backend {@code auto} (async-profiler, JFR where it cannot load), {@code async} or {@code jfr}
     * @param jar     async-profiler's jar, or {@code null} when the shell has none (auto then falls back to JFR)
     */
    public record Sampler(String backend, String jar) {
        public HashMap<String, Object> toWire() {
            HashMap<String, Object> wire = new HashMap<>();
            wire.put("backend", backend);
            wire.put("jar", jar);
            return wire;
        }

        public static Sampler fromWire(Map<?, ?> wire) {
            return new Sampler(
                    wire.get("backend") == null ? "auto" : (String) wire.get("backend"), (String) wire.get("jar"));
        }
    }

    public HashMap<String, Object> toWire() {
        HashMap<String, Object> wire = sampler.toWire();
        wire.put("class", className);
        wire.put("durationNanos", durationNanos);
        wire.put("event", event);
        wire.put("interval", interval);
        wire.put("threads", threads);
        wire.put("jfrFile", jfrFile);
        return wire;
    }

    public static FlameRequest fromWire(Map<?, ?> wire) {
        return new FlameRequest(
                (String) wire.get("class"),
                ((Number) wire.get("durationNanos")).longValue(),
                (String) wire.get("event"),
                (String) wire.get("interval"),
                Sampler.fromWire(wire),
                Boolean.TRUE.equals(wire.get("threads")),
                (String) wire.get("jfrFile"));
    }
}
