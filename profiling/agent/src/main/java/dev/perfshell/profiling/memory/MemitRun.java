package dev.perfshell.profiling.memory;

import java.util.List;

/**
 * What the engine measured for one run of a {@code %memit} statement ({@link MemoryMeter#take()}). Bytes and
 * nanoseconds; -1 where the engine could not read a figure (RSS without {@code /proc}). The engine writes it and
 * the shell reads it with {@code WireForm}: one type on both sides of the link.
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
}
