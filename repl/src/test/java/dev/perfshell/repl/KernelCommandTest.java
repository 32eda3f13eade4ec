package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perfshell kernel install|uninstall}: the spec Jupyter reads, and one line for each mistake. */
class KernelCommandTest {
    @Test
    void installWritesASpecWithTheShellsOptionsAndUninstallRemovesIt(@TempDir Path dir) throws Exception {
        Path jar = Files.createFile(dir.resolve("app.jar"));
        Path home = dir.resolve("home");
        ScriptRun install = ScriptRun.piped(
                java.util.Map.of("PERFSHELL_HOME", home.toString()),
                "",
                "--class-path",
                jar.toString(),
                "-R",
                "-Xmx1g",
                "kernel",
                "install",
                "--prefix",
                dir.toString());
        assertThat(install.exitCode).as(install.err).isZero();
        Path spec = dir.resolve("share/jupyter/kernels/perfshell/kernel.json");
        assertThat(install.out)
                .contains("Installed the perfshell kernel: " + spec)
                .contains("Next: JUPYTER_PATH=" + dir.resolve("share/jupyter") + " jupyter kernelspec list shows it");
        JsonNode json = new ObjectMapper().readTree(spec.toFile());
        List<String> argv = new ArrayList<>();
        json.get("argv").forEach(a -> argv.add(a.asText()));
        assertThat(argv)
                .containsSubsequence(
                        "--class-path=" + jar.toAbsolutePath(),
                        "--engine-option=-Xmx1g",
                        "kernel",
                        "run",
                        "{connection_file}");
        assertThat(json.get("interrupt_mode").asText()).isEqualTo("message");
        assertThat(json.get("language").asText()).isEqualTo("java");
        assertThat(json.get("env").get("PERFSHELL_HOME").asText())
                .isEqualTo(home.toAbsolutePath().toString());

        ScriptRun uninstall = ScriptRun.piped("", "kernel", "uninstall", "--prefix", dir.toString());
        assertThat(uninstall.exitCode).isZero();
        assertThat(Files.exists(spec.getParent())).isFalse();
    }

    @Test
    void eachMistakeGetsOneLineNamingIt(@TempDir Path dir) {
        ScriptRun bare = ScriptRun.piped("", "kernel");
        assertThat(bare.exitCode).isEqualTo(2);
        assertThat(bare.err.strip().lines()).singleElement().asString().startsWith("perfshell kernel: say what to do");

        ScriptRun noSpec = ScriptRun.piped("", "kernel", "uninstall", "--prefix", dir.toString());
        assertThat(noSpec.exitCode).isEqualTo(2);
        assertThat(noSpec.err.strip().lines())
                .singleElement()
                .asString()
                .startsWith("perfshell: no perfshell kernel spec at");

        ScriptRun noFile = ScriptRun.piped(
                "", "kernel", "run", dir.resolve("connection.json").toString());
        assertThat(noFile.exitCode).isEqualTo(2);
        assertThat(noFile.err.strip().lines()).singleElement().asString().contains("cannot read the connection file");
    }
}
