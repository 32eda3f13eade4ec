package dev.perfshell.timing.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * The JIT activity of one class, from JFR's {@code jdk.Compilation} and {@code jdk.Deoptimization}
 * events. Global compile counters fire on unrelated methods in a young engine, so
 * warm-up and the "compiled during measurement" warning look only at the generated class's own
 * methods (what it inlines is compiled as part of them). Events are read back by dumping the
 * recording, which flushes JFR's buffers, so nothing arrives late.
 */
public final class JitActivity implements AutoCloseable {
    private static final Duration KEEP = Duration.ofSeconds(60);
    private final Recording recording = new Recording();

    public JitActivity() {
        this(true);
    }

    /** JFR started and kept running, recording nothing: what a JVM pays once (about 0.7 s), paid ahead. */
    static JitActivity idle() {
        return new JitActivity(false);
    }

    private JitActivity(boolean events) {
        try {
            recording.setName("perfshell-jit");
            if (events) {
                recording.enable("jdk.Compilation").withThreshold(Duration.ZERO);
                recording.enable("jdk.Deoptimization");
            }
            recording.setToDisk(true);
            recording.setMaxAge(KEEP);
            recording.start();
        } catch (RuntimeException | Error failed) {
            recording.close();
            throw failed;
        }
    }

    /** Compilations and deoptimisations of methods of {@code type} that ended after {@code since}. */
    public int since(Class<?> type, Instant since) throws IOException {
        return window(type, since).times().size();
    }

    /**
     * What the JIT did to {@code type}'s methods after {@code since}.
     *
     * @param times        when each compilation or deoptimisation that counts ended (see {@link #harmlessLoopCompile})
     * @param loopReachedC2 a C2 (tier 4) compile of the timing loop, standard or on-stack, ended in the window
     */
    public record Window(List<Instant> times, boolean loopReachedC2) {
        /** Events that ended after {@code since}. */
        public int after(Instant since) {
            int count = 0;
            for (Instant time : times) if (time.isAfter(since)) count++;
            return count;
        }
    }

    public Window window(Class<?> type, Instant since) throws IOException {
        Path file = Files.createTempFile("perfshell-jit", ".jfr");
        try {
            recording.dump(file);
            List<Instant> times = new ArrayList<>();
            boolean loopC2 = false;
            try (RecordingFile events = new RecordingFile(file)) {
                while (events.hasMoreEvents()) {
                    RecordedEvent event = events.readEvent();
                    if (event.getEndTime().isBefore(since) || !event.hasField("method")) continue;
                    RecordedMethod method = event.getValue("method");
                    if (method == null
                            || method.getType() == null
                            || !method.getType().getName().equals(type.getName())) continue;
                    if (!harmlessLoopCompile(event, method)) times.add(event.getEndTime());
                    loopC2 |= method.getName().startsWith("perfshell$loop")
                            && event.getEventType().getName().equals("jdk.Compilation")
                            && event.hasField("compileLevel")
                            && event.getShort("compileLevel") == 4;
                }
            }
            return new Window(times, loopC2);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The first of the runs (by start time, in order) that began after the last of {@code events}: from there on every
     * run ran the same code. {@code runStarts.size()} when the last event came during or after the last run.
     */
    static int firstRunAfter(List<Instant> runStarts, List<Instant> events) {
        Instant last = null;
        for (Instant event : events) if (last == null || event.isAfter(last)) last = event;
        if (last == null) return 0;
        for (int i = 0; i < runStarts.size(); i++) if (runStarts.get(i).isAfter(last)) return i;
        return runStarts.size();
    }

    /**
     * The loop of a slow snippet reaches C1 late (a 17 µs payload runs only ~2,500 loop turns per
     * run, so the backedge thresholds take a second or more): the payload is already compiled on
     * its own and the loop's overhead is nothing next to it. Only C2 compiles of the loop, any
     * compile of the payload, and every deoptimisation count.
     */
    private static boolean harmlessLoopCompile(RecordedEvent event, RecordedMethod method) {
        boolean loopOrSetup = method.getName().startsWith("perfshell$loop")
                || method.getName().equals("perfshell$setup");
        return loopOrSetup
                && event.getEventType().getName().equals("jdk.Compilation")
                && event.hasField("compileLevel")
                && event.getShort("compileLevel") < 4;
    }

    @Override
    public void close() {
        recording.close();
    }
}
