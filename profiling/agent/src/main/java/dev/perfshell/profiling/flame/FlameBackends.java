package dev.perfshell.profiling.flame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code %flame --list}: the backend that would sample in this engine, why (when it is the fallback), its events,
 * and the kernel's {@code perf_event_paranoid} (above 2 perf events are refused and cpu runs as itimer). Written with
 * {@link #toWire()} in the engine, read with {@link #fromWire(Map)} in the shell.
 */
public record FlameBackends(String backend, String why, List<String> events, String paranoid) {
    public FlameBackends {
        events = List.copyOf(events);
    }

    public HashMap<String, Object> toWire() {
        HashMap<String, Object> wire = new HashMap<>();
        wire.put("backend", backend);
        wire.put("why", why);
        wire.put("events", new ArrayList<>(events));
        wire.put("paranoid", paranoid);
        return wire;
    }

    public static FlameBackends fromWire(Map<?, ?> wire) {
        Object events = wire.get("events");
        List<String> list =
                events instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        return new FlameBackends(
                String.valueOf(wire.get("backend")),
                wire.get("why") == null ? "" : wire.get("why").toString(),
                list,
                String.valueOf(wire.get("paranoid")));
    }
}
