package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** perfshell's exit codes: 0 ok, 1 a script input failed, 2 usage error. */
class ExitCodeTest {

    @Test
    void pipedScriptThatSucceedsExitsZero() {
        ScriptRun run = ScriptRun.piped("int a = 20;\na + 22\n");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).isEqualTo("a ==> 20");
        assertThat(run.lines().get(1)).matches("\\$\\d+ ==> 42");
    }

    @Test
    void pipedScriptStopsAtTheFirstFailingLineWithExitOne() {
        ScriptRun run = ScriptRun.piped("int a = 1;\n\nint b = \"x\";\nint c = 3;\n");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.lines()).first().isEqualTo("a ==> 1");
        assertThat(run.lines()).contains("error: incompatible types: java.lang.String cannot be converted to int");
        assertThat(run.lines())
                .last()
                .isEqualTo("<stdin>:3: this input failed; stopping. Next: fix it, or run with --keep-going");
        assertThat(run.out).doesNotContain("c ==> 3");
    }

    @Test
    void multiLineInputIsReportedAtItsFirstLine(@TempDir Path dir) throws Exception {
        ScriptRun run = ScriptRun.file(
                dir, "int a = 1;\nint f() {\n  return \"no\";\n}\nint c = 3;\n", java.util.List.of(), "--keep-going");
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.lines()).anyMatch(l -> l.endsWith("script.jsh:2: this input failed; going on (--keep-going)"));
        assertThat(run.lines()).last().isEqualTo("c ==> 3");
    }

    @Test
    void runWithAMissingFileIsAUsageError(@TempDir Path dir) {
        ScriptRun run = ScriptRun.piped("", "run", dir.resolve("missing.jsh").toString());
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).isEmpty();
    }

    @Test
    void unknownOptionIsAUsageError() {
        ScriptRun run = ScriptRun.piped("", "--no-such-option");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("Unknown option: '--no-such-option'");
        assertThat(run.out).isEmpty();
    }

    @Test
    void runWithoutAFileIsAUsageError() {
        ScriptRun run = ScriptRun.piped("", "run");
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err).contains("Missing required parameter: 'FILE.jsh'");
    }
}
