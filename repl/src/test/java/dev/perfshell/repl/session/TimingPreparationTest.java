package dev.perfshell.repl.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimingPreparationTest {
    @Test
    void scriptsThatTimeAreRecognisedByTheirMagicLines(@TempDir Path dir) throws Exception {
        assertThat(TimingPreparation.timesAnything(write(dir, "a.jsh", "int x = 1;\n  %timeit -q x + 1\n")))
                .isTrue();
        assertThat(TimingPreparation.timesAnything(write(dir, "b.jsh", "%%timeit\nx + 1\n")))
                .isTrue();
        assertThat(TimingPreparation.timesAnything(write(dir, "c.jsh", "%compare a() ;; b()\n")))
                .isTrue();
        assertThat(TimingPreparation.timesAnything(write(dir, "d.jsh", "%prun f()\n// %timeitx is no magic\n")))
                .isFalse();
        assertThat(TimingPreparation.timesAnything(write(dir, "e.jsh", "String s = \"%timeit\";\n")))
                .isFalse();
        assertThat(TimingPreparation.timesAnything(dir.resolve("missing.jsh"))).isFalse();
        assertThat(TimingPreparation.timesAnything(null)).isFalse();
        assertThat(TimingPreparation.timesAnything(dir))
                .as("not a regular file (like /dev/stdin): never read ahead")
                .isFalse();
    }

    @Test
    void aPipeIsNeverReadAhead(@TempDir Path dir) throws Exception {
        // `perfshell run /dev/stdin` names a pipe: reading it ahead would wait for its end and swallow the script.
        Path fifo = dir.resolve("script.jsh");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "no mkfifo");
        assertTimeoutPreemptively(
                Duration.ofSeconds(5),
                () -> assertThat(TimingPreparation.timesAnything(fifo)).isFalse());
    }

    private static Path write(Path dir, String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
