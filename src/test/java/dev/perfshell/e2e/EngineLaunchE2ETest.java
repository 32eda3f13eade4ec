package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine refuses to start unless the shell that launched it is its parent and hands it the launch token:
 * started by hand (here, by this test) it says why in one line on stderr and exits with code 2.
 */
class EngineLaunchE2ETest {
    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private record Outcome(int exitCode, String stderr) {}

    /** {@code java [options] -cp perfshell-engine.jar dev.perfshell.engine.EngineAgent 1} with {@code stdin}. */
    private static Outcome startByHand(String stdin, String... options) throws Exception {
        Path jar = Perfshell.repoRoot().resolve("repl/target/lib/perfshell-engine.jar");
        assertThat(jar).as("built by the reactor before this module").exists();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(options));
        command.addAll(List.of("-cp", jar.toString(), "dev.perfshell.engine.EngineAgent", "1"));
        Process engine = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            engine.getOutputStream().write(stdin.getBytes(StandardCharsets.US_ASCII));
            engine.getOutputStream().close();
            String stderr = new String(engine.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(engine.waitFor(60, TimeUnit.SECONDS))
                    .as("the engine ended")
                    .isTrue();
            return new Outcome(engine.exitValue(), stderr);
        } finally {
            engine.destroyForcibly();
        }
    }

    @Test
    void withoutTheShellsPidItRefusesInOneLine() throws Exception {
        Outcome o = startByHand(TOKEN + "\n");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr())
                .isEqualTo("perfshell engine: refusing to start: no -Dperfshell.shell.pid: "
                        + "the engine is started by perfshell, not by hand" + System.lineSeparator());
    }

    @Test
    void underAParentOtherThanTheNamedShellItRefuses() throws Exception {
        long notTheParent = ProcessHandle.current().parent().orElseThrow().pid();
        Outcome o = startByHand(TOKEN + "\n", "-Dperfshell.shell.pid=" + notTheParent);
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr())
                .isEqualTo("perfshell engine: refusing to start: the parent process is "
                        + ProcessHandle.current().pid() + ", not the shell " + notTheParent
                        + " that -Dperfshell.shell.pid names"
                        + System.lineSeparator());
    }

    @Test
    void withTheRightParentButNoTokenItRefuses() throws Exception {
        Outcome o = startByHand(
                "", "-Dperfshell.shell.pid=" + ProcessHandle.current().pid());
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.stderr())
                .startsWith("perfshell engine: refusing to start: no valid launch token")
                .hasLineCount(1);
    }
}
