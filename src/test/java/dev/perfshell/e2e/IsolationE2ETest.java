package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.e2e.Perfshell.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snippets compile against exactly the engine's class path, never the shell's libraries
 * (docs/architecture.md, 'Class-path isolation').
 */
class IsolationE2ETest {
    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void theShellsOwnLibrariesDoNotCompileInASnippet() throws Exception {
        Result r = Perfshell.runScript(home, work, "isolation.jsh", """
                Class<?> jline = org.jline.reader.LineReader.class;
                Class<?> cli = picocli.CommandLine.class;
                import org.apache.commons.math3.stat.StatUtils;
                1 + 1
                """, "--keep-going");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        ScriptE2ETest.assertCompileError(r.stdout(), "org.jline.reader.LineReader.class");
        ScriptE2ETest.assertCompileError(r.stdout(), "picocli.CommandLine.class");
        ScriptE2ETest.assertCompileError(r.stdout(), "org.apache.commons.math3.stat.StatUtils");
        assertThat(r.stdout())
                .as(r.toString())
                .doesNotContain("NoClassDefFoundError")
                .contains("==> 2");
    }
}
