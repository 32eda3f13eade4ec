package dev.perfshell.profiling.flame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %flame}'s --threads and --jfr FILE as the backends receive them. */
class SamplingOptionsTest {
    @Test
    void asyncProfilerSamplesOneThreadUnlessAskedForAllAndWritesJfrWhenAskedTo() {
        assertThat(AsyncProfilerBackend.command("cpu", new SamplingBackend.Options("cpu", "10ms", false, null)))
                .isEqualTo("start,event=cpu,filter,interval=10ms");
        assertThat(AsyncProfilerBackend.command(
                        "itimer", new SamplingBackend.Options("cpu", null, true, Path.of("/tmp/p.jfr"))))
                .isEqualTo("start,event=itimer,threads,jfr,file=/tmp/p.jfr");
    }

    @Test
    void aCommaInTheJfrPathIsRefusedNotSplitIntoOptions() {
        assertThatThrownBy(() -> AsyncProfilerBackend.command(
                        "cpu", new SamplingBackend.Options("cpu", null, false, Path.of("/tmp/a,b.jfr"))))
                .hasMessage("async-profiler cannot write to a path with a comma: /tmp/a,b.jfr");
    }

    @Test
    void threadFramesAreAsyncProfilersAndNeverSplitAStack() {
        assertThat(SamplingBackend.threadFrame("main", 42)).isEqualTo("[main tid=42]");
        assertThat(SamplingBackend.threadFrame("a;b", 7)).isEqualTo("[a,b tid=7]");
    }

    /** JFR with --threads: a second busy thread gets its own root frame, and the recording is kept in the file. */
    @Test
    void jfrSplitsByThreadAndKeepsTheRecording(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("profile.jfr");
        JfrBackend jfr = new JfrBackend();
        AtomicBoolean done = new AtomicBoolean();
        Thread other = new Thread(() -> spin(done), "flame-test-other");
        jfr.start(new SamplingBackend.Options("cpu", "10ms", true, file));
        other.start();
        long end = System.nanoTime() + 1_500_000_000L;
        while (System.nanoTime() < end) spin(null);
        done.set(true);
        other.join();
        String collapsed = jfr.stop();

        assertThat(collapsed.lines()).isNotEmpty().allMatch(line -> line.matches("\\[.+ tid=\\d+\\];.* \\d+"));
        assertThat(collapsed)
                .contains("[flame-test-other tid=" + other.getId() + "];")
                .contains("[" + Thread.currentThread().getName() + " tid="
                        + Thread.currentThread().getId() + "];");
        assertThat(file).exists();
        assertThat(RecordingFile.readAllEvents(file))
                .anyMatch(e -> e.getEventType().getName().equals("jdk.ExecutionSample"));
    }

    @Test
    void jfrWithoutThreadsKeepsTheCallingThreadOnlyAndLeavesNoFile() throws Exception {
        JfrBackend jfr = new JfrBackend();
        AtomicBoolean done = new AtomicBoolean();
        Thread other = new Thread(() -> spin(done), "flame-test-hidden");
        jfr.start(new SamplingBackend.Options("cpu", "10ms", false, null));
        other.start();
        long end = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < end) spin(null);
        done.set(true);
        other.join();
        String collapsed = jfr.stop();
        assertThat(collapsed).isNotEmpty().doesNotContain("tid=").contains("SamplingOptionsTest.spin");
    }

    private static volatile long sink;

    private static void spin(AtomicBoolean done) {
        do {
            long x = sink;
            for (int i = 0; i < 1_000_000; i++) x = x * 6364136223846793005L + 1442695040888963407L;
            sink = x;
        } while (done != null && !done.get());
    }
}
