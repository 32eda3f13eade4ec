package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The input history survives a shell killed with SIGKILL: JLine appends each line to {@code $PERFSHELL_HOME/history}
 * as it is accepted (TerminalSource), so nothing waits for a clean exit, not even the line still running.
 */
class HistoryCrashE2ETest {
    /** Plain Java, a magic, and text that JLine's history file must escape (backslash, quotes, non-ASCII). */
    private static final List<String> INPUTS =
            List.of("int crash = 41;", "crash + 1", "%time crash * 2", "String odd = \"é \\\\ \\\"q\\\"\";");
    /** Accepted, and still running when the shell is killed. */
    private static final String RUNNING = "Thread.sleep(600_000)";

    @TempDir
    Path home;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    @Test
    void everyAcceptedLineIsKeptAndRecalledAfterKillDashNine() throws Exception {
        try (Tmux first = Tmux.start(home)) {
            for (String input : INPUTS) first.run(input);
            long prompts = first.promptCount();
            first.type(RUNNING);
            first.keys("Enter");
            first.await(
                    "the sleep to be accepted",
                    lines -> lines.get(lines.size() - 1).equals(Tmux.PROMPT + " " + RUNNING)
                            || Tmux.promptCount(lines) > prompts);
            long shell = first.shellPid();
            // The line is in the file once JLine accepts it; wait for it rather than for a fixed time.
            awaitHistoryContains(RUNNING);
            Perfshell.kill9(shell);
            assertThat(Perfshell.awaitGone(shell, Duration.ofSeconds(15))).isTrue();
        }

        String saved = Files.readString(home.resolve("history"));
        // JLine's format: one "epoch-millis:escaped line" per entry; a torn write would break it.
        assertThat(saved.lines()).as(saved).allMatch(line -> line.matches("\\d+:.+"));
        assertThat(saved).contains("int crash = 41;", "crash + 1", "%time crash * 2", RUNNING);

        try (Tmux second = Tmux.start(home)) {
            List<String> expected = new java.util.ArrayList<>(INPUTS);
            expected.add(RUNNING);
            for (int back = expected.size() - 1; back >= 0; back--) {
                String recalled = Tmux.PROMPT + " " + expected.get(back);
                second.keys("Up");
                second.await(
                        "'" + expected.get(back) + "' recalled",
                        lines -> lines.get(lines.size() - 1).equals(recalled));
            }
            // The escaped line comes back exactly: evaluate it.
            for (int forward = 0; forward < 3; forward++) second.keys("Down");
            long prompts = second.promptCount();
            second.keys("Enter");
            assertThat(Tmux.outputOfLastInput(second.awaitPrompt(prompts))).isEqualTo("odd ==> \"é \\\\ \\\"q\\\"\"");
        }
    }

    private void awaitHistoryContains(String line) throws Exception {
        Path history = home.resolve("history");
        long deadline = System.nanoTime() + Tmux.DEADLINE.toNanos();
        while (!(Files.exists(history) && Files.readString(history).contains(line))) {
            if (System.nanoTime() > deadline) throw new AssertionError("'" + line + "' never reached " + history);
            Thread.sleep(20);
        }
    }
}
