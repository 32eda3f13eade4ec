package dev.perfshell.profiling.memory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the engine measured for one run of a {@code %memit} statement ({@link MemoryMeter#take()}). Bytes and
 * nanoseconds; -1 where the engine could not read a figure (RSS without {@code /proc}). The engine writes it with
 * {@link #toWire()} and the shell reads it with {@link #fromWire(Map)}: one type on both sides of the link.
 *
 * @param invocations       snippet invocations measured (0: nothing ran, e.g. a compile error)
 * @param baselineBytes     heap used after the full collection before the statement
 * @param peakBytes         peak heap used during the statement
 * @param allocatedBytes    bytes allocated by the snippet thread (or every thread, see allThreads)
 * @param allThreads        whether allocatedBytes counts every thread
 * @param retainedBytes     heap used after a full collection, minus baselineBytes
 * @param gcCount           collections during the statement
 * @param gcTimeNanos       their time (the JVM reports milliseconds)
 * @param rssBytes          the engine's resident set before the statement
 * @param peakRssBytes      its peak during the statement
 * @param peakRssSinceStart whether the kernel refused a peak reset, so the RSS peak is since the engine started
 * @param layoutFlags       JVM flags that make object sizes differ from the default
 */
public record MemitRun(
        long invocations,
        long baselineBytes,
        long peakBytes,
        long allocatedBytes,
        boolean allThreads,
        long retainedBytes,
        long gcCount,
        long gcTimeNanos,
        long rssBytes,
        long peakRssBytes,
        boolean peakRssSinceStart,
        List<String> layoutFlags) {

    public MemitRun {
        layoutFlags = List.copyOf(layoutFlags);
    }

    public long incrementBytes() {
        return peakBytes - baselineBytes;
    }

    /** The RSS increment, or -1 when RSS is unknown. */
    public long rssIncrementBytes() {
        return rssBytes < 0 || peakRssBytes < 0 ? -1 : peakRssBytes - rssBytes;
    }

    public HashMap<String, Object> toWire() {
        HashMap<String, Object> wire = new HashMap<>();
        wire.put("invocations", invocations);
        wire.put("baselineBytes", baselineBytes);
        wire.put("peakBytes", peakBytes);
        wire.put("allocatedBytes", allocatedBytes);
        wire.put("allThreads", allThreads ? 1L : 0L);
        wire.put("retainedBytes", retainedBytes);
        wire.put("gcCount", gcCount);
        wire.put("gcTimeNanos", gcTimeNanos);
        wire.put("rssBytes", rssBytes);
        wire.put("peakRssBytes", peakRssBytes);
        wire.put("peakRssSinceStart", peakRssSinceStart ? 1L : 0L);
        wire.put("layoutFlags", new ArrayList<>(layoutFlags));
        return wire;
    }

    public static MemitRun fromWire(Map<?, ?> wire) {
        Object flags = wire.get("layoutFlags");
        List<String> layout = flags instanceof List<?> list
                ? list.stream().map(String::valueOf).toList()
                : List.of();
        return new MemitRun(
                number(wire, "invocations"),
                number(wire, "baselineBytes"),
                number(wire, "peakBytes"),
                number(wire, "allocatedBytes"),
                number(wire, "allThreads") != 0,
                number(wire, "retainedBytes"),
                number(wire, "gcCount"),
                number(wire, "gcTimeNanos"),
                number(wire, "rssBytes"),
                number(wire, "peakRssBytes"),
                number(wire, "peakRssSinceStart") != 0,
                layout);
    }

    private static long number(Map<?, ?> wire, String key) {
        Object value = wire.get(key);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
