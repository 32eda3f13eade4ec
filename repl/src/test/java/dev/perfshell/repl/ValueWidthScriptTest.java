package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /set truncation N}: a value's echo is cut to N characters, 0 shows it whole, a bad N gets one line. */
class ValueWidthScriptTest {
    @Test
    void theSessionsWidthCutsEveryEchoAfterIt(@TempDir Path dir) throws Exception {
        ScriptRun run = ScriptRun.file(
                dir,
                String.join(
                        "\n",
                        "int[] a = new int[1000];", // the default: 100 characters
                        "/set truncation 40",
                        "int[] b = new int[1000];",
                        "/set truncation 0",
                        "int[] c = new int[300];",
                        "/set truncation 5", // 6: too narrow
                        "/set width 80", // 7: not a setting
                        ""),
                List.of(),
                "--keep-going");
        String a = run.value("a");
        String b = run.value("b");
        String c = run.value("c");
        assertThat(a).hasSizeLessThanOrEqualTo(100).contains(" ... ");
        assertThat(b)
                .hasSizeLessThanOrEqualTo(40)
                .startsWith("int[1000] { 0, 0")
                .endsWith("0 }");
        assertThat(c).doesNotContain("...").hasSize("int[300] { ".length() + 300 * 3 - 2 + 2);
        assertThat(run.out)
                .contains("/set truncation: a value width is 0 (whole values) or at least 20, got 5")
                .contains("/set takes truncation N (0: whole values). Next: /set truncation 200");
    }
}
