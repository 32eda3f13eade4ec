package dev.perfshell.profiling.flame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * The fallback where async-profiler cannot load: JFR's sampler, built into every JDK 17. cpu is
 * {@code jdk.ExecutionSample} (running Java threads only, at safepoint-free points but subsampled: expect
 * fewer samples than asked), alloc is {@code jdk.ObjectAllocationSample}. JFR on
 * JDK 17 has no wall-clock sampler and its lock events are thresholds, not samples: those events are refused.
 * Stacks are folded the way async-profiler folds them (class names with slashes) so one reader serves both.
 */
final class JfrBackend implements SamplingBackend {
    private static final long DEFAULT_PERIOD_NANOS = 10_000_000L; // JFR's shortest usual period is 10-20 ms

    private Recording recording;
    private String event;
    private long thread;
    private boolean allThreads;
    private Path jfrFile;

    @Override
    public String name() {
        return "JFR";
    }

    @Override
    public Started start(Options options) {
        String event = options.event();
        String interval = options.interval();
        if (!events().contains(event)) {
            throw new IllegalArgumentException(
                    "JFR offers no " + event + " sampling here (only " + String.join(", ", events()) + ")");
        }
        this.event = event;
        this.thread = Thread.currentThread().getId();
        this.allThreads = options.threads();
        this.jfrFile = options.jfrFile();
        recording = new Recording();
        recording.setToDisk(true);
        recording.enable(jfrEvent()).withStackTrace();
        if (event.equals("cpu")) {
            recording
                    .enable("jdk.ExecutionSample")
                    .withPeriod(Duration.ofNanos(
                            interval == null
                                    ? DEFAULT_PERIOD_NANOS
                                    : Math.max(1_000_000L, IntervalText.nanos(interval))));
        }
        recording.start();
        return new Started(event, "");
    }

    private String jfrEvent() {
        return event.equals("cpu") ? "jdk.ExecutionSample" : "jdk.ObjectAllocationSample";
    }

    @Override
    public String stop() throws Exception {
        recording.stop();
        // --jfr FILE: the recording itself is the file asked for; otherwise a temporary one, read and deleted
        Path file = jfrFile != null ? jfrFile : Files.createTempFile("perfshell-flame", ".jfr");
        try {
            recording.dump(file);
            Map<String, Long> folded = new TreeMap<>();
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                if (!e.getEventType().getName().equals(jfrEvent())) continue;
                // ExecutionSample names the sampled thread; allocation events the thread that allocated
                String field = e.hasField("sampledThread") ? "sampledThread" : "eventThread";
                jdk.jfr.consumer.RecordedThread sampled = e.hasField(field) ? e.getThread(field) : null;
                if (sampled == null || (!allThreads && sampled.getJavaThreadId() != thread)) continue;
                RecordedStackTrace trace = e.getStackTrace();
                if (trace == null) continue;
                String stack = fold(trace.getFrames(), e);
                if (allThreads) {
                    String name = sampled.getJavaName() != null ? sampled.getJavaName() : sampled.getOSName();
                    stack = SamplingBackend.threadFrame(name == null ? "unnamed" : name, sampled.getJavaThreadId())
                            + ";" + stack;
                }
                folded.merge(stack, 1L, Long::sum);
            }
            return JfrFolding.text(folded);
        } finally {
            recording.close();
            if (jfrFile == null) Files.deleteIfExists(file);
        }
    }

    /** Root first; an allocation sample ends with the allocated class and async-profiler's {@code _[i]} mark. */
    private String fold(List<RecordedFrame> frames, RecordedEvent e) {
        StringBuilder stack = JfrFolding.stack(frames, false);
        if (event.equals("alloc") && e.hasField("objectClass")) {
            stack.append(';').append(e.getClass("objectClass").getName()).append("_[i]");
        }
        return stack.toString();
    }

    @Override
    public List<String> events() {
        return List.of("cpu", "alloc");
    }
}
