package dev.perfshell.profiling.flame;

import java.util.HashMap;
import java.util.Map;

/**
 * What the engine sampled for one {@code %flame} ({@link Flames#profile}): written with {@link #toWire()} in the
 * engine, read with {@link #fromWire(Map)} in the shell.
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
        String jfrFile) {

    public HashMap<String, Object> toWire() {
        HashMap<String, Object> wire = new HashMap<>();
        wire.put("backend", backend);
        wire.put("why", why);
        wire.put("event", event);
        wire.put("note", note);
        wire.put("collapsed", collapsed);
        wire.put("ops", ops);
        wire.put("nanos", nanos);
        wire.put("threw", threw);
        wire.put("jfrFile", jfrFile);
        return wire;
    }

    public static FlameSamples fromWire(Map<?, ?> wire) {
        return new FlameSamples(
                text(wire, "backend"),
                text(wire, "why"),
                text(wire, "event"),
                text(wire, "note"),
                text(wire, "collapsed"),
                number(wire, "ops"),
                number(wire, "nanos"),
                (String) wire.get("threw"),
                (String) wire.get("jfrFile"));
    }

    private static String text(Map<?, ?> wire, String key) {
        Object value = wire.get(key);
        return value == null ? "" : value.toString();
    }

    private static long number(Map<?, ?> wire, String key) {
        Object value = wire.get(key);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
