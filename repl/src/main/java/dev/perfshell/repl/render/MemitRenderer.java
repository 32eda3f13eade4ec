package dev.perfshell.repl.render;

import dev.perfshell.profiling.memory.MemitResult;
import dev.perfshell.profiling.memory.MemitRun;
import dev.perfshell.repl.memory.MemitReport;
import dev.perfshell.timing.runtime.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code %memit}'s lines: memory_profiler's first, measured on the heap, then the JVM's exact figures. */
public final class MemitRenderer {
    private static final double MIB = 1024.0 * 1024.0;

    private MemitRenderer() {}

    public static List<String> render(MemitReport report) {
        MemitResult result = report.result();
        MemitRun worst = report.worst();
        List<String> lines = new ArrayList<>();
        lines.add(result.toString());
        if (report.runs().size() > 1) {
            long[] range = report.peakRange();
            lines.add(String.format(
                    Locale.ROOT,
                    "  (heap; the highest of %d repeats, whose peaks ranged %.2f-%.2f MiB)",
                    report.runs().size(),
                    range[0] / MIB,
                    range[1] / MIB));
        }
        lines.add("allocated: " + exact(worst.allocatedBytes())
                + (worst.allThreads()
                        ? " by all threads (threads that ended during the run are not counted)"
                        : " by the statement's thread"));
        lines.add("retained after GC: " + exact(worst.retainedBytes())
                + (report.value() == null
                        ? ""
                        : "; the value: " + exact(report.value().totalBytes()) + " in "
                                + count(report.value().objects(), "object") + " (deep, JOL)"));
        lines.add("GC: "
                + (worst.gcCount() == 0
                        ? "none"
                        : count(worst.gcCount(), "collection") + ", " + Units.time(worst.gcTimeNanos())));
        if (report.perOp() != null) {
            lines.add(String.format(
                    Locale.ROOT,
                    "per operation: %s B/op (the expression looped %,d times after warm-up, its value kept alive)",
                    perOp(report.perOp().bytesPerOp()),
                    report.perOp().ops()));
        } else if (!report.perOpNote().isEmpty()) {
            lines.add("per operation: " + report.perOpNote());
        }
        if (worst.peakRssBytes() >= 0) {
            lines.add(String.format(
                    Locale.ROOT,
                    "process RSS: peak %.2f MiB, increment: %.2f MiB (secondary: the JVM reuses heap pages it has touched%s)",
                    worst.peakRssBytes() / MIB,
                    worst.rssIncrementBytes() / MIB,
                    worst.peakRssSinceStart() ? "; peak since the engine started" : ""));
        }
        if (!worst.layoutFlags().isEmpty()) {
            lines.add("object layout: " + String.join(" ", worst.layoutFlags())
                    + " (byte counts differ from a default JVM's)");
        }
        return lines;
    }

    /** A sweep value's line: {@code 4,016 B/op (looped 1,234 times)}. */
    public static String bytesPerOpLine(double bytes, long ops) {
        return String.format(Locale.ROOT, "%s B/op (looped %,d times)", perOp(bytes), ops);
    }

    /** Java that rebuilds the result in the engine, for {@code -o}. */
    public static String constructor(MemitResult r) {
        StringBuilder peaks = new StringBuilder();
        for (long peak : r.peakBytesPerRepeat())
            peaks.append(peaks.length() == 0 ? "" : ", ").append(peak).append('L');
        String perOp = Double.isNaN(r.allocatedBytesPerOp()) ? "Double.NaN" : Double.toString(r.allocatedBytesPerOp());
        return "new " + MemitResult.class.getName() + "(" + r.peakBytes() + "L, " + r.incrementBytes() + "L, "
                + r.allocatedBytes()
                + "L, " + perOp + ", " + r.retainedBytes() + "L, " + r.gcCount() + "L, " + r.gcTimeNanos() + "L, "
                + r.peakRssBytes() + "L, " + r.rssIncrementBytes() + "L, new long[] {" + peaks + "})";
    }

    /** {@code 1,040 B}, or {@code 76.3 MiB (80,000,016 B)} from 1 KiB up. */
    static String exact(long bytes) {
        String plain = String.format(Locale.ROOT, "%,d B", bytes);
        return Math.abs(bytes) < 1024 ? plain : Units.bytes(bytes) + " (" + plain + ")";
    }

    static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** Whole bytes when it is a whole number of bytes (1,040), else two decimals (0.02: escape analysis at work). */
    private static String perOp(double bytes) {
        if (Math.abs(bytes - Math.rint(bytes)) < 0.005) return String.format(Locale.ROOT, "%,d", Math.round(bytes));
        return String.format(Locale.ROOT, "%,.2f", bytes);
    }
}
