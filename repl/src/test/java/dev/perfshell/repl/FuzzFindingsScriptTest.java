package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What fuzzing the shell found, each kept as a case (issue 11). */
class FuzzFindingsScriptTest {
    /**
     * A snippet over a class-file limit: JShell keeps it and its compiler then fails every later
     * snippet — jshell itself loses the session. perfshell refuses it, restarts the engine and replays
     * the rest, so the session goes on.
     */
    @Test
    void aHugeLiteralIsRefusedAndTheSessionGoesOn(@TempDir Path dir) throws Exception {
        String script = String.join(
                "\n",
                "int a = 1;",
                "String huge = \"" + "x".repeat(70_000) + "\";",
                "int k = 3;",
                "int[] junk = {" + "7,".repeat(40_000) + "};",
                "a + k",
                "");
        ScriptRun run = ScriptRun.file(dir, script, List.of(), "--keep-going");
        assertThat(run.failedLines()).as(run.toString()).containsExactly(2, 4);
        assertThat(run.out)
                .contains("error: constant string too long")
                .contains("error: code too large")
                .contains(
                        "Not kept: a class file cannot hold it (64 KiB limits); JShell's compiler breaks on it, so the engine was "
                                + "restarted and 1 snippets replayed. Next: split it, or read the data from a file.");
        assertThat(run.value("k")).isEqualTo("3");
        assertThat(run.out).contains("==> 4\n");
        assertThat(run.out.lines().mapToInt(String::length).max().orElse(0))
                .as("no megabyte lines")
                .isLessThan(400);
    }

    /** A magic whose code is only a comment failed without a word. */
    @Test
    void codeThatIsOnlyACommentSaysSo(@TempDir Path dir) throws Exception {
        ScriptRun run = ScriptRun.file(dir, "%memit /* open comment\n1 + 1\n", List.of(), "--keep-going");
        assertThat(run.failedLines()).as(run.toString()).containsExactly(1);
        assertThat(run.out)
                .contains(
                        "%memit: nothing ran: the code has no statement (only a comment?). Example: %memit new int[1000]");
        assertThat(run.out).contains("==> 2");
    }

    /** The same for the magics that run code once: %prun, %lprun, %mprun, %time (a %%prun cell with a comment, in the fuzz). */
    @Test
    void everyMagicThatRunsCodeSaysWhenTheCodeIsOnlyAComment(@TempDir Path dir) throws Exception {
        String script = String.join(
                "\n",
                "int f() { return 1; }",
                "%%prun \u221e",
                "/* open comment",
                "%%end",
                "%prun // a comment",
                "%%lprun -f f",
                "/* open",
                "%%end",
                "%mprun -f f /* c */",
                "%%time",
                "// only this",
                "%%end",
                "f()",
                "");
        ScriptRun run = ScriptRun.file(dir, script, List.of(), "--keep-going");
        assertThat(run.failedLines()).as(run.toString()).containsExactly(2, 5, 6, 9, 10);
        assertThat(run.out)
                .contains("%prun: nothing ran: the code has no statement (only a comment?). Example: %prun fib(25)")
                .contains("%lprun: nothing ran")
                .contains("%mprun: nothing ran")
                .contains("%time: nothing ran");
        assertThat(run.out).contains("==> 1");
    }
}
