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

/** The interactive shell in a real pseudo-terminal (tmux): JLine editing, completion, history. */
class TerminalE2ETest {
    @TempDir
    Path home;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    @Test
    void evaluatesAnExpression() throws Exception {
        try (Tmux shell = Tmux.start(home)) {
            assertThat(shell.screen()).contains("perfshell ").contains("Ctrl-D");
            assertThat(shell.run("1+1")).isEqualTo("$1 ==> 2");
        }
    }

    @Test
    void multiLineMethodShowsTheContinuationPrompt() throws Exception {
        try (Tmux shell = Tmux.start(home)) {
            long prompts = shell.promptCount();
            shell.type("int sq(int x) {");
            shell.keys("Enter");
            shell.await(
                    "continuation prompt", lines -> lines.get(lines.size() - 1).equals("  ...>"));
            shell.type("return x * x;");
            shell.keys("Enter");
            shell.await(
                    "second continuation prompt",
                    lines -> lines.stream().filter(l -> l.startsWith("  ...>")).count() == 2
                            && lines.get(lines.size() - 1).equals("  ...>"));
            shell.type("}");
            shell.keys("Enter");
            List<String> lines = shell.awaitPrompt(prompts);
            String screen = String.join("\n", lines);
            assertThat(screen)
                    .contains("perf> int sq(int x) {\n  ...> return x * x;\n  ...> }\ncreated method sq(int)");
            assertThat(shell.run("sq(7)")).isEqualTo("$1 ==> 49");
        }
    }

    @Test
    void tabCompletesAJavaMember() throws Exception {
        try (Tmux shell = Tmux.start(home)) {
            long prompts = shell.promptCount();
            shell.type("\"abc\".toUpp");
            shell.keys("Tab");
            shell.await(
                    "completion of toUpperCase",
                    lines -> lines.get(lines.size() - 1).startsWith("perf> \"abc\".toUpperCase("));
            shell.type(")");
            shell.keys("Enter");
            List<String> lines = shell.awaitPrompt(prompts);
            assertThat(Tmux.outputOfLastInput(lines)).isEqualTo("$1 ==> \"ABC\"");
        }
    }

    @Test
    void tabCompletesAMagicName() throws Exception {
        try (Tmux shell = Tmux.start(home)) {
            long prompts = shell.promptCount();
            shell.type("%timei");
            shell.keys("Tab");
            shell.await(
                    "completion of %timeit",
                    lines -> lines.get(lines.size() - 1).matches("perf> %timeit ?"));
            // The completed magic works.
            if (!shell.lastLine().endsWith(" ")) shell.type(" ");
            shell.type("-r 3 -n 10 Thread.sleep(1)");
            shell.keys("Enter");
            List<String> lines = shell.awaitPrompt(prompts);
            assertThat(Tmux.outputOfLastInput(lines)).contains(" per loop (mean ± std. dev. of 3 runs, 10 loops each)");
        }
    }

    @Test
    void tabOffersEveryMagicSharingAPrefix() throws Exception {
        try (Tmux shell = Tmux.start(home)) {
            shell.type("%ti");
            shell.keys("Tab");
            shell.await(
                    "both %time and %timeit offered",
                    lines -> String.join("\n", lines).contains("%timeit")
                            && lines.stream().anyMatch(l -> l.startsWith("%time ")));
            shell.keys("C-u");
            assertThat(shell.run("2+3")).isEqualTo("$1 ==> 5");
        }
    }

    @Test
    void tabCompletesAMagicOption() throws Exception {
        try (Tmux shell = Tmux.start(home)) {
            long prompts = shell.promptCount();
            shell.type("%time --bi");
            shell.keys("Tab");
            shell.await(
                    "completion of --bind", lines -> lines.get(lines.size() - 1).matches("perf> %time --bind\\b.*"));
            shell.keys("C-u");
            shell.await("an empty line", lines -> lines.get(lines.size() - 1).equals(Tmux.PROMPT));
            // Offered options when there is more than one.
            shell.type("%time --");
            shell.keys("Tab");
            shell.await(
                    "the options of %time",
                    lines -> String.join("\n", lines).contains("--help")
                            && String.join("\n", lines).contains("--bind"));
            shell.keys("C-u");
            assertThat(shell.run("2+3")).isEqualTo("$1 ==> 5");
            assertThat(shell.promptCount()).isGreaterThan(prompts);
        }
    }

    @Test
    void tabCompletesJavaInAMagicsCode() throws Exception {
        try (Tmux shell = Tmux.start(home)) {
            assertThat(shell.run("int grid(int n) { return n * n; }")).isEqualTo("created method grid(int)");
            long prompts = shell.promptCount();
            // Not an option (gr is one edit from -r): the session's method, as at the top level.
            shell.type("%timeit gr");
            shell.keys("Tab");
            shell.await(
                    "completion of grid(", lines -> lines.get(lines.size() - 1).equals("perf> %timeit grid("));
            shell.keys("C-u");
            shell.await("an empty line", lines -> lines.get(lines.size() - 1).equals(Tmux.PROMPT));
            // After options too, and the completed code runs.
            shell.type("%timeit -r 3 -n 10 gr");
            shell.keys("Tab");
            shell.await(
                    "completion of grid( after options",
                    lines -> lines.get(lines.size() - 1).equals("perf> %timeit -r 3 -n 10 grid("));
            shell.type("7)");
            shell.keys("Enter");
            List<String> lines = shell.awaitPrompt(prompts);
            assertThat(Tmux.outputOfLastInput(lines)).contains(" per loop (mean ± std. dev. of 3 runs, 10 loops each)");
        }
    }

    @Test
    void tabCompletesASessionMethodAfterLprunsF() throws Exception {
        try (Tmux shell = Tmux.start(home)) {
            assertThat(shell.run("long expensive(int n) { long s = 0; for (int i = 0; i < n; i++) s += i; return s; }"))
                    .isEqualTo("created method expensive(int)");
            long prompts = shell.promptCount();
            shell.type("%lprun -f ex");
            shell.keys("Tab");
            shell.await(
                    "completion of expensive",
                    lines -> lines.get(lines.size() - 1).equals("perf> %lprun -f expensive"));
            // A finished name gets its space; the statement that follows completes as Java.
            shell.type("ex");
            shell.keys("Tab");
            shell.await(
                    "completion of expensive(",
                    lines -> lines.get(lines.size() - 1).equals("perf> %lprun -f expensive expensive("));
            shell.type("1000)");
            shell.keys("Enter");
            List<String> lines = shell.awaitPrompt(prompts);
            assertThat(Tmux.outputOfLastInput(lines)).contains("Total time: ").contains("long expensive(int n)");
        }
    }

    @Test
    void historyIsSavedOnCtrlDAndRecalledWithUpInTheNextSession() throws Exception {
        try (Tmux first = Tmux.start(home)) {
            assertThat(first.run("int hist = 41;")).isEqualTo("hist ==> 41");
            assertThat(first.run("hist + 1")).isEqualTo("$1 ==> 42");
            first.keys("C-d");
            assertThat(first.awaitExit()).as(first.screen()).isZero();
        }
        Path history = home.resolve("history");
        assertThat(history).exists();
        String saved = Files.readString(history);
        assertThat(saved).contains("int hist = 41;").contains("hist + 1");
        assertThat(saved.indexOf("int hist = 41;")).isLessThan(saved.indexOf("hist + 1"));

        try (Tmux second = Tmux.start(home)) {
            long prompts = second.promptCount();
            second.keys("Up");
            second.await(
                    "the last input recalled",
                    lines -> lines.get(lines.size() - 1).equals("perf> hist + 1"));
            second.keys("Up");
            second.await(
                    "the input before recalled",
                    lines -> lines.get(lines.size() - 1).equals("perf> int hist = 41;"));
            second.keys("Enter");
            List<String> lines = second.awaitPrompt(prompts);
            assertThat(Tmux.outputOfLastInput(lines)).isEqualTo("hist ==> 41");
        }
    }

    @Test
    void ctrlDExitsAndTheEngineGoesWithTheShell() throws Exception {
        try (Tmux shell = Tmux.start(home)) {
            long engine = Perfshell.enginePid(shell.run("%env"));
            long pid = shell.shellPid();
            assertThat(ProcessHandle.of(pid).orElseThrow().descendants().mapToLong(ProcessHandle::pid))
                    .contains(engine);
            shell.keys("C-d");
            assertThat(shell.awaitExit()).as(shell.screen()).isZero();
            assertThat(Perfshell.awaitGone(pid, Duration.ofSeconds(15))).isTrue();
            assertThat(Perfshell.awaitGone(engine, Duration.ofSeconds(15)))
                    .as("engine %d outlived its shell", engine)
                    .isTrue();
        }
    }
}
