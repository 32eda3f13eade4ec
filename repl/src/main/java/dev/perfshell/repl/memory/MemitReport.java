package dev.perfshell.repl.memory;

import dev.perfshell.profiling.jol.Footprint;
import dev.perfshell.profiling.memory.MemitResult;
import dev.perfshell.profiling.memory.MemitRun;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code %memit} measured, for its renderer, its record and its {@code -o} binding.
 *
 * @param source     the measured code as typed
 * @param runs       one engine measurement per repeat ({@code -r}), in order; at least one
 * @param perOp      the looped per-operation allocation, or {@code null} when not looped
 * @param perOpNote  why it was not looped, or empty
 * @param value      the deep footprint of the expression's value ({@code --result}), or {@code null}
 * @param stopped    why the statement was stopped early ({@code --timeout}), or empty
 */
public record MemitReport(
        String source, List<MemitRun> runs, PerOp perOp, String perOpNote, Footprint value, String stopped) {

    /** Allocation per operation of a looped expression: JMH's {@code gc.alloc.rate.norm}. */
    public record PerOp(double bytesPerOp, long ops) {}

    public MemitReport {
        Objects.requireNonNull(source, "source");
        runs = List.copyOf(runs);
        if (runs.isEmpty()) throw new IllegalArgumentException("no runs");
        perOpNote = perOpNote == null ? "" : perOpNote;
        stopped = stopped == null ? "" : stopped;
    }

    /** The repeat with the highest peak: memory_profiler reports the maximum of its repeats. */
    public MemitRun worst() {
        return runs.stream().max(Comparator.comparingLong(MemitRun::peakBytes)).orElseThrow();
    }

    /** The figures as the session's result type ({@code -o}). */
    public MemitResult result() {
        MemitRun worst = worst();
        long[] peaks = runs.stream().mapToLong(MemitRun::peakBytes).toArray();
        return new MemitResult(
                worst.peakBytes(),
                worst.incrementBytes(),
                worst.allocatedBytes(),
                perOp == null ? Double.NaN : perOp.bytesPerOp(),
                worst.retainedBytes(),
                worst.gcCount(),
                worst.gcTimeNanos(),
                worst.peakRssBytes(),
                worst.rssIncrementBytes(),
                peaks);
    }

    /** The smallest and largest peak over the repeats. */
    public long[] peakRange() {
        long[] peaks = runs.stream().mapToLong(MemitRun::peakBytes).toArray();
        return new long[] {
            Arrays.stream(peaks).min().orElse(0), Arrays.stream(peaks).max().orElse(0)
        };
    }
}
