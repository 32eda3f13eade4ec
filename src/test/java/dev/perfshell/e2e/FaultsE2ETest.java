package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.e2e.Perfshell.Live;
import dev.perfshell.e2e.Perfshell.Result;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way the engine can fail must leave the shell running with the session restored, and no
 * engine may outlive its shell (docs/shell.md, 'Faults the session survives'; docs/architecture.md, 'Safety').
 */
class FaultsE2ETest {
    private static final Duration GONE = Duration.ofSeconds(15);

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void systemExitRestartsTheEngineAndReplaysTheSession() throws Exception {
        Result r = Perfshell.runScript(home, work, "exit.jsh", """
                int keepMe = 7;
                System.exit(3)
                keepMe + 1
                """, "--keep-going");
        assertThat(r.all())
                .as(r.toString())
                .contains("exited with code 3")
                .containsPattern("exit\\.jsh:2: ")
                .contains("==> 8");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    }

    @Test
    void stackOverflowLeavesTheSessionIntact() throws Exception {
        Result r = Perfshell.runScript(home, work, "soe.jsh", """
                int keepMe = 7;
                int down(int n) { return down(n + 1) + 1; }
                down(0)
                keepMe + 2
                """, "--keep-going");
        assertThat(r.all())
                .as(r.toString())
                .contains("StackOverflowError")
                .containsPattern("soe\\.jsh:3: ")
                .contains("==> 9")
                .doesNotContain("Started a new engine");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        // Snippet frames are trimmed, not 1024 lines of them.
        assertThat(r.stdout().lines().filter(l -> l.contains("at down")).count())
                .as(r.toString())
                .isLessThan(50);
    }

    @Test
    void outOfMemoryWithTheHeapRetainedLeavesTheSessionIntact() throws Exception {
        Result r = Perfshell.runScript(home, work, "oom.jsh", """
                int keepMe = 7;
                java.util.List<long[]> keep = new java.util.ArrayList<>();
                while (true) keep.add(new long[1 << 16]);
                keep.size() > 0
                keep.clear();
                keepMe + 3
                """, "--keep-going", "-R", "-Xmx64m");
        assertThat(r.all())
                .as(r.toString())
                .contains("OutOfMemoryError")
                .containsPattern("oom\\.jsh:3: ")
                .contains("==> true")
                .contains("==> 10")
                .doesNotContain("Started a new engine");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    }

    @Test
    void engineKilledWithSigkillIsRestartedWithTheSessionReplayed() throws Exception {
        try (Live shell = Live.start(home)) {
            shell.eval("int keepMe = 7;", "keepMe ==> 7");
            long engine = shell.engine();
            assertThat(shell.handle().descendants().mapToLong(ProcessHandle::pid))
                    .as("the engine is a child of the shell")
                    .contains(engine);
            // Also the pid as the engine itself sees it.
            String self = shell.eval("ProcessHandle.current().pid()", "==> ");
            assertThat(self).contains("==> " + engine);

            Perfshell.kill9(engine);
            assertThat(Perfshell.awaitGone(engine, GONE))
                    .as("engine %d killed", engine)
                    .isTrue();

            String after = shell.eval("keepMe + 1", "==> 8");
            assertThat(after).contains("killed by signal 9");
            long newEngine = shell.engine();
            assertThat(newEngine).isNotEqualTo(engine);
            shell.eval("keepMe * 6", "==> 42");

            assertThat(shell.finish()).as(shell.output()).isZero();
            assertThat(Perfshell.awaitGone(newEngine, GONE))
                    .as("engine %d outlived its shell", newEngine)
                    .isTrue();
        }
    }

    @Test
    void everyFaultInOneSessionThenTheSessionStillWorks() throws Exception {
        // A script on a pipe, with --keep-going, so each fault is followed by the next line.
        try (Live shell = Live.start(home, "run", "--keep-going", "-R", "-Xmx64m", "/dev/stdin")) {
            shell.eval("int keepMe = 7;", "keepMe ==> 7");
            shell.eval("String name = \"kept\";", "name ==> \"kept\"");

            shell.eval("System.exit(3)", "exited with code 3");
            shell.eval("keepMe + 1", "==> 8");

            shell.eval("int down(int n) { return down(n + 1) + 1; }", "created method down(int)");
            shell.eval("down(0)", "StackOverflowError");
            shell.eval("keepMe + 2", "==> 9");

            shell.eval("java.util.List<long[]> keep = new java.util.ArrayList<>();", "keep ==> []");
            shell.eval("while (true) keep.add(new long[1 << 16]);", "OutOfMemoryError");
            shell.send("keep.clear();");
            shell.eval("keepMe + 3", "==> 10");

            long engine = shell.engine();
            Perfshell.kill9(engine);
            assertThat(Perfshell.awaitGone(engine, GONE)).isTrue();
            String after = shell.eval("name + keepMe", "==> \"kept7\"");
            assertThat(after).contains("killed by signal 9");

            long last = shell.engine();
            // The script had failing inputs, so it ends with 1; the shell itself is fine.
            assertThat(shell.finish()).as(shell.output()).isEqualTo(1);
            assertThat(Perfshell.awaitGone(last, GONE))
                    .as("engine %d outlived its shell", last)
                    .isTrue();
        }
    }

    @Test
    void noEngineOutlivesAShellThatEndsNormally() throws Exception {
        try (Live shell = Live.start(home)) {
            long engine = shell.engine();
            assertThat(ProcessHandle.of(engine)).isPresent();
            assertThat(shell.finish()).as(shell.output()).isZero();
            assertThat(Perfshell.awaitGone(engine, GONE))
                    .as("engine %d outlived its shell", engine)
                    .isTrue();
        }
    }

    @Test
    void noEngineOutlivesAShellThatFailsAScript() throws Exception {
        try (Live shell = Live.start(home)) {
            long engine = shell.engine();
            shell.eval("int b = nope;", "<stdin>:2:");
            assertThat(shell.finish()).as(shell.output()).isEqualTo(1);
            assertThat(Perfshell.awaitGone(engine, GONE))
                    .as("engine %d outlived its shell", engine)
                    .isTrue();
        }
    }

    @Test
    void noEngineOutlivesAShellKilledWithSigkill() throws Exception {
        try (Live shell = Live.start(home)) {
            long engine = shell.engine();
            // The engine is busy: an orphan would keep burning CPU.
            int mark = shell.mark();
            shell.send("while (true) {}");
            Perfshell.kill9(shell.pid());
            assertThat(Perfshell.awaitGone(shell.pid(), GONE)).isTrue();
            assertThat(Perfshell.awaitGone(engine, GONE))
                    .as(
                            "engine %d outlived a shell killed with SIGKILL; output:%n%s",
                            engine, shell.output().substring(mark))
                    .isTrue();
        }
    }
}
