package dev.perfshell.profiling.flame;

import java.nio.file.Path;

/**
 * A sampling profiler the engine can run around a statement: async-profiler, or JFR where async-profiler
 * cannot load. One session at a time; only the thread that calls {@link #start} is sampled.
 */
interface SamplingBackend {
    /** {@code async-profiler} or {@code JFR}. */
    String name();

    /**
     * Starts sampling the calling thread.
     *
     * @param event    cpu, alloc, wall or lock
     * @param interval the backend's interval (ns for time events, bytes for alloc), or {@code null} for the default
     * @return the event that really runs (cpu may become itimer) and why, if it differs
     */
    Started start(String event, String interval) throws Exception;

    /** Stops sampling; the stacks in Brendan Gregg's folded format, root first ({@code a;b;c 12} per line). */
    String stop() throws Exception;

    /** Writes a self-contained flame graph of the last profile, or returns {@code false} when this backend cannot. */
    boolean writeHtml(Path file, String title) throws Exception;

    /** The events this backend offers here, for {@code %flame --list}. */
    java.util.List<String> events();

    /** @param event what really runs; @param note why it differs from what was asked, or "" */
    record Started(String event, String note) {}
}
