package dev.perfshell.profiling.flame;

import java.util.List;

/**
 * {@code %flame --list}: the backend that would sample in this engine, why (when it is the fallback), its events,
 * and the kernel's {@code perf_event_paranoid} (above 2 perf events are refused and cpu runs as itimer). Written in
 * the engine and read in the shell with {@code WireForm}.
 */
public record FlameBackends(String backend, String why, List<String> events, String paranoid) {
    public FlameBackends {
        events = List.copyOf(events);
    }
}
