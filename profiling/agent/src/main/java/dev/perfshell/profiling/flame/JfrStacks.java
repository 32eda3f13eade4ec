package dev.perfshell.profiling.flame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A recording's stack samples folded with line numbers, which async-profiler's own folded output does not carry:
 * each frame as {@code owner.name(descriptor):line} (the descriptor's {@code ;} written {@code |}, as async-profiler's
 * {@code sig} does, since {@code ;} separates frames). Reads async-profiler's wall-clock samples
 * ({@code profiler.WallClockSample}, with a sample count each) and JFR's own {@code jdk.ExecutionSample}.
 */
final class JfrStacks {
    private static final List<String> SAMPLE_EVENTS = List.of("profiler.WallClockSample", "jdk.ExecutionSample");

    private JfrStacks() {}

    /** The samples of thread {@code threadId} in {@code file}, folded root first, one line per distinct stack. */
    static String foldWithLines(Path file, long threadId) throws IOException {
        Map<String, Long> folded = new TreeMap<>();
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!SAMPLE_EVENTS.contains(e.getEventType().getName())) continue;
            jdk.jfr.consumer.RecordedThread sampled = e.hasField("sampledThread") ? e.getThread("sampledThread") : null;
            if (sampled == null || sampled.getJavaThreadId() != threadId) continue;
            RecordedStackTrace trace = e.getStackTrace();
            if (trace == null) continue;
            long count = e.hasField("samples") ? Math.max(1, e.getLong("samples")) : 1;
            folded.merge(JfrFolding.stack(trace.getFrames(), true).toString(), count, Long::sum);
        }
        return JfrFolding.text(folded);
    }
}
