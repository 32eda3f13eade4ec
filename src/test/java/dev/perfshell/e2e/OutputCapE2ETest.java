package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.e2e.Perfshell.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A snippet that prints far more than anyone reads: the console gets the cap, a note, and the session goes on. */
class OutputCapE2ETest {
    /** OutputCap.DEFAULT_LIMIT in the shell (4 MiB); the e2e tests do not see the shell's classes. */
    private static final long CAP = 4L << 20;

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void twentyMegabytesOfOutputAreCutToTheCapWithOneNoteAndTheSessionGoesOn() throws Exception {
        Result r = Perfshell.runScript(home, work, "flood.jsh", """
                for (int i = 0; i < 200_000; i++) System.out.println("x".repeat(100));
                1 + 1
                System.out.println("small output after the flood is shown whole");
                """);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        long floodLines =
                r.stdout().lines().filter(line -> line.equals("x".repeat(100))).count();
        assertThat(floodLines * 101)
                .as("bytes of the flood shown")
                .isLessThanOrEqualTo(CAP)
                .isGreaterThan(CAP - 101);
        // 200,000 lines of 101 bytes = 19.3 MiB printed, 4 MiB shown
        assertThat(r.stdout())
                .containsPattern(
                        "\\.\\.\\. 15\\.\\d MiB more output dropped: the console shows the first 4 MiB of each "
                                + "input\\. Next: to keep it all, write it to a file in the snippet")
                .contains("$1 ==> 2")
                .contains("small output after the flood is shown whole");
        assertThat(r.stdout()
                        .lines()
                        .filter(line -> line.contains("more output dropped"))
                        .count())
                .isEqualTo(1);
        assertThat((long) r.stdout().length()).as("nothing else grew").isLessThan(CAP + 10_000);
    }
}
