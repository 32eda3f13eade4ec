package dev.perfshell.profiling.memory;

import java.util.Arrays;
import java.util.Locale;

/**
 * What {@code %memit -o NAME} binds in the session: memory_profiler's {@code MemitResult} for Java,
 * with the JVM's exact figures. Bytes throughout; {@code -1} where a figure is unknown, NaN for a
 * per-operation figure that was not measured.
 *
 * @param peakBytes           peak heap used during the statement (the worst of the repeats)
 * @param incrementBytes      that peak minus the heap used before the statement
 * @param allocatedBytes      bytes the statement allocated (its thread, or all threads with --all-threads)
 * @param allocatedBytesPerOp bytes per operation of the looped expression (JMH's gc.alloc.rate.norm), or NaN
 * @param retainedBytes       heap used after a full collection minus the same before the statement
 * @param gcCount             collections during the statement
 * @param gcTimeNanos         time of those collections
 * @param peakRssBytes        the engine process's peak resident set (secondary: the JVM reuses heap pages)
 * @param rssIncrementBytes   that peak minus the resident set before the statement
 * @param peakBytesPerRepeat  the peak of every repeat ({@code -r}), in order
 */
public record MemitResult(
        long peakBytes,
        long incrementBytes,
        long allocatedBytes,
        double allocatedBytesPerOp,
        long retainedBytes,
        long gcCount,
        long gcTimeNanos,
        long peakRssBytes,
        long rssIncrementBytes,
        long[] peakBytesPerRepeat) {
    private static final double MIB = 1024.0 * 1024.0;

    public MemitResult {
        peakBytesPerRepeat = peakBytesPerRepeat == null ? new long[0] : peakBytesPerRepeat.clone();
    }

    @Override
    public long[] peakBytesPerRepeat() {
        return peakBytesPerRepeat.clone();
    }

    /** The peak in MiB, as memory_profiler prints it. */
    public double peakMiB() {
        return peakBytes / MIB;
    }

    /** The increment in MiB, as memory_profiler prints it. */
    public double incrementMiB() {
        return incrementBytes / MIB;
    }

    /** memory_profiler's line: {@code peak memory: 90.01 MiB, increment: 80.00 MiB}. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "peak memory: %.2f MiB, increment: %.2f MiB", peakMiB(), incrementMiB());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MemitResult that
                && peakBytes == that.peakBytes
                && incrementBytes == that.incrementBytes
                && allocatedBytes == that.allocatedBytes
                && Double.compare(allocatedBytesPerOp, that.allocatedBytesPerOp) == 0
                && retainedBytes == that.retainedBytes
                && gcCount == that.gcCount
                && gcTimeNanos == that.gcTimeNanos
                && peakRssBytes == that.peakRssBytes
                && rssIncrementBytes == that.rssIncrementBytes
                && Arrays.equals(peakBytesPerRepeat, that.peakBytesPerRepeat);
    }

    @Override
    public int hashCode() {
        return 31 * Long.hashCode(peakBytes) + Arrays.hashCode(peakBytesPerRepeat);
    }
}
