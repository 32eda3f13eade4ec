package dev.perfshell.repl.render;

import dev.perfshell.profiling.flame.FlameBackends;
import dev.perfshell.repl.flame.FlameReport;
import dev.perfshell.repl.flame.FlatProfile;
import dev.perfshell.repl.flame.FoldedStacks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code %flame}'s terminal report: a header naming the event, backend and sample count, then the flat top-N
 * table (self %, total %, self samples, method), highest self first, as async-profiler's {@code flat} and
 * pprof's {@code top} read; with {@code --threads}, samples per thread first. Also {@code --list}'s lines.
 */
public final class FlameRenderer {
    private FlameRenderer() {}

    public static List<String> render(FlameReport report, int top) {
        List<String> lines = new ArrayList<>();
        FlatProfile flat = report.flat();
        lines.add(String.format(
                Locale.ROOT,
                "%s samples (backend: %s, %s): %,d in %s, %,d %s of the statement",
                report.event(),
                report.backend(),
                report.interval() == null ? "default interval" : "interval " + report.interval(),
                flat.samples(),
                seconds(report.nanos()),
                report.ops(),
                report.ops() == 1 ? "run" : "runs"));
        if (flat.samples() == 0) {
            lines.add(
                    "No samples: the statement ran too briefly for the interval, or the event never fired (lock without contention).");
            return lines;
        }
        if (!report.threads().isEmpty()) {
            // --threads: async-profiler puts each thread at the root of its stacks; here they get a table of their own
            // before the methods, which are summed over all threads
            lines.add("   samples       %  thread");
            for (FoldedStacks.ThreadSamples thread : report.threads()) {
                lines.add(String.format(
                        Locale.ROOT,
                        "%10d %6.1f%%  %s",
                        thread.samples(),
                        percent(thread.samples(), report.stacks().samples()),
                        thread.thread()));
            }
        }
        lines.add("  self %  total %   samples  method");
        for (FlatProfile.Row row : flat.top(top)) {
            lines.add(String.format(
                    Locale.ROOT,
                    "%7.1f%% %7.1f%% %9d  %s",
                    percent(row.selfSamples(), flat.samples()),
                    percent(row.totalSamples(), flat.samples()),
                    row.selfSamples(),
                    row.method()));
        }
        int hidden = flat.rows().size() - Math.min(top, flat.rows().size());
        if (hidden > 0)
            lines.add(String.format(
                    Locale.ROOT, "  (%d more %s; -n to show them)", hidden, hidden == 1 ? "method" : "methods"));
        return lines;
    }

    /** {@code %flame --list}: the backend that samples here, its events, and what decides whether cpu is itimer. */
    public static List<String> backends(FlameBackends backends) {
        return List.of(
                "backend: " + backends.backend() + (backends.why().isEmpty() ? "" : " (" + backends.why() + ")"),
                "events: " + String.join(", ", backends.events()),
                "perf_event_paranoid: " + backends.paranoid()
                        + " (cpu uses perf events; where they are refused it runs as itimer, and %flame says so)");
    }

    /** Java that rebuilds the flat profile in the session for {@code -o}: method and self samples, highest first. */
    public static String constructor(FlatProfile flat) {
        StringBuilder entries = new StringBuilder();
        for (FlatProfile.Row row : flat.rows()) {
            if (entries.length() > 0) entries.append(", ");
            entries.append("java.util.Map.entry(\"")
                    .append(row.method().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\", ")
                    .append(row.selfSamples())
                    .append("L)");
        }
        return "java.util.List.<java.util.Map.Entry<String, Long>>of(" + entries + ")";
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
