package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No orphans: an engine whose shell is killed with SIGKILL (no shutdown hook runs) halts by itself, through its
 * parent watchdog, even while it is busy. In a terminal and in a headless {@code perfshell run}.
 */
class OrphanE2ETest {
    /** The engine sees its command stream end within milliseconds; generous for a loaded machine. */
    private static final Duration GONE = Duration.ofSeconds(5);

    private static final Pattern ENGINE_LINE = Pattern.compile("Engine JVM .*\\bpid (\\d+)");

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void killingTheShellInATerminalEndsItsBusyEngine() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        try (Tmux shell = Tmux.start(home)) {
            long engine = Perfshell.enginePid(shell.run("%env"));
            long pid = shell.shellPid();
            assertThat(ProcessHandle.of(pid).orElseThrow().descendants().mapToLong(ProcessHandle::pid))
                    .contains(engine);
            shell.type("while (true) {}"); // an orphan would keep burning a core
            shell.keys("Enter");
            Perfshell.kill9(pid);
            assertThat(Perfshell.awaitGone(pid, GONE)).as("shell %d", pid).isTrue();
            assertThat(Perfshell.awaitGone(engine, GONE))
                    .as("engine %d outlived a shell killed with SIGKILL", engine)
                    .isTrue();
        }
    }

    @Test
    void killingAHeadlessRunOfALongScriptEndsItsEngine() throws Exception {
        Path script = Files.writeString(work.resolve("long.jsh"), "%env\nThread.sleep(600_000)\n");
        Path out = work.resolve("out.txt");
        Process run = Perfshell.builder(home, "run", script.toString())
                .directory(work.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        long engine = -1;
        try {
            engine = awaitEnginePid(out, run);
            assertThat(ProcessHandle.of(run.pid()).orElseThrow().descendants().mapToLong(ProcessHandle::pid))
                    .contains(engine);
            Perfshell.kill9(run.pid()); // the launcher execs the shell JVM: this is the shell
            assertThat(Perfshell.awaitGone(run.pid(), GONE)).isTrue();
            assertThat(Perfshell.awaitGone(engine, GONE))
                    .as(
                            "engine %d outlived 'perfshell run' killed with SIGKILL; output:%n%s",
                            engine, Files.readString(out))
                    .isTrue();
        } finally {
            Perfshell.killTree(run.toHandle());
            if (engine > 0) ProcessHandle.of(engine).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static long awaitEnginePid(Path out, Process run) throws Exception {
        long deadline = System.nanoTime() + Perfshell.PROCESS_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && run.isAlive()) {
            Matcher m = ENGINE_LINE.matcher(Files.readString(out));
            if (m.find()) return Long.parseLong(m.group(1));
            Thread.sleep(50);
        }
        throw new AssertionError("no 'Engine JVM … pid N' from %env; output:\n" + Files.readString(out));
    }
}
