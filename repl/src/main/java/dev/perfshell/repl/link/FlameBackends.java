package dev.perfshell.repl.link;

import java.util.List;
import java.util.Map;

/**
 * {@code %flame --list}: the backend that would sample in this engine, why (when it is the fallback), its events,
 * and the kernel's {@code perf_event_paranoid} (above 2 perf events are refused and cpu runs as itimer).
 */
public record FlameBackends(String backend, String why, List<String> events, String paranoid) {
    public FlameBackends {
        events = List.copyOf(events);
    }

    static FlameBackends fromWire(Map<?, ?> wire) {
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
