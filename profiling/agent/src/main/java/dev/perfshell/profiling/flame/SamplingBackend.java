package dev.perfshell.profiling.flame;

import java.nio.file.Path;

/**
 * A sampling profiler the engine can run around a statement: async-profiler, or JFR where async-profiler
 * cannot load. One session at a time; the thread that calls {@link #start} is sampled, or every thread with
 * {@link Options#threads()}.
 */
interface SamplingBackend {
    /** {@code async-profiler} or {@code JFR}. */
    String name();

    /**
     * What to sample.
     *
     * @param event    cpu, alloc, wall or lock
     * @param interval the backend's interval (ns for time events, bytes for alloc), or {@code null} for the default
     * @param threads  sample every thread of the engine, each stack rooted at a {@code [NAME tid=ID]} frame
     *                 (async-profiler's {@code threads} option), instead of the calling thread alone
     * @param jfrFile  also write the profile as a JFR recording to this file, or {@code null}
     */
    record Options(String event, String interval, boolean threads, Path jfrFile) {}

    /**
     * Starts sampling.
     *
     * @return the event that really runs (cpu may become itimer) and why, if it differs
     */
    Started start(Options options) throws Exception;

    /**
     * Stops sampling and writes the JFR recording, if one was asked for; the stacks in Brendan Gregg's folded
     * format, root first ({@code a;b;c 12} per line).
     */
    String stop() throws Exception;

    /** The events this backend offers here, for {@code %flame --list}. */
    java.util.List<String> events();

    /** The root frame of a thread's stacks, as async-profiler's {@code threads} option writes it. */
    static String threadFrame(String name, long tid) {
        return "[" + name.replace(';', ',') + " tid=" + tid + "]";
    }

    /** @param event what really runs; @param note why it differs from what was asked, or "" */
    record Started(String event, String note) {}
}
