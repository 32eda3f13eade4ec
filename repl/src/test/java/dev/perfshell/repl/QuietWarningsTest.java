package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perfshell run --quiet} prints no result lines, so each warning names the input it is about
 * (FILE:LINE) and, with --forks, the engine: a script of several magics would otherwise leave the
 * reader guessing. The warning used here is %run's about engine options a sub-script asks for, which
 * every engine gives alike.
 */
class QuietWarningsTest {
    private static ScriptRun run(Path dir, String... options) throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("sub.jsh"), "//ENGINE -Dperfshell.test.sub=1\nint y = 2;\n");
        return ScriptRun.file(dir, "int x = 1;\n%run " + dir.resolve("sub.jsh") + "\n", List.of(), options);
    }

    private static List<String> dropped(ScriptRun run) {
        return run.lines().stream()
                .filter(l -> l.contains("asks for engine options"))
                .toList();
    }

    @Test
    void quietWarningsNameTheirInput(@TempDir Path dir) throws Exception {
        ScriptRun run = run(dir, "--quiet");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(dropped(run)).as(run.toString()).hasSize(1);
        assertThat(dropped(run).get(0))
                .as(run.toString())
                .matches(".*script\\.jsh:2: .*sub\\.jsh asks for engine options -Dperfshell\\.test\\.sub=1 .*");
    }

    @Test
    void forkedQuietWarningsAlsoNameTheirEngine(@TempDir Path dir) throws Exception {
        ScriptRun run = run(dir, "--quiet", "--forks", "2");
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(dropped(run)).as(run.toString()).hasSize(2);
        assertThat(dropped(run).get(0))
                .as(run.toString())
                .matches(".*script\\.jsh:2, engine 1 of 2: .*sub\\.jsh asks .*");
        assertThat(dropped(run).get(1))
                .as(run.toString())
                .matches(".*script\\.jsh:2, engine 2 of 2: .*sub\\.jsh asks .*");
    }

    @Test
    void withoutQuietTheWarningFollowsItsOutputUnprefixed(@TempDir Path dir) throws Exception {
        ScriptRun run = run(dir);
        assertThat(dropped(run)).as(run.toString()).hasSize(1);
        assertThat(dropped(run).get(0))
                .as(run.toString())
                .doesNotContain("script.jsh:2")
                .contains("sub.jsh asks for engine options");
    }
}
