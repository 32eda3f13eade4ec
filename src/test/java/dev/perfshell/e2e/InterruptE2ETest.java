package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C in a real pseudo-terminal: stops running code fast, and never ends the shell or the session. */
class InterruptE2ETest {
    /** The shell must be back within 1 s; the assertion allows 2 s for a loaded CI machine. */
    static final Duration CTRL_C_BOUND = Duration.ofSeconds(2);

    @TempDir
    Path home;

    @BeforeAll
    static void needsTmux() {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
    }

    @Test
    void ctrlCStopsAnEndlessLoopFastAndTheSessionGoesOn() throws Exception {
        try (Tmux shell = Tmux.start(home)) {
            assertThat(shell.run("int before = 5;")).isEqualTo("before ==> 5");
            long engine = Perfshell.enginePid(shell.run("%env"));

            long prompts = shell.promptCount();
            long cpuBefore = cpuMillis(engine);
            shell.type("while (true) {}");
            shell.keys("Enter");
            // Ctrl-C only once the loop really runs: the engine has burnt 300 ms of CPU since Enter.
            awaitCpu(engine, cpuBefore + 300, shell);
            assertThat(shell.promptCount()).as("the loop still runs").isEqualTo(prompts);

            long sent = System.nanoTime();
            shell.keys("C-c");
            List<String> lines = shell.await(
                    "the prompt after Ctrl-C", l -> Tmux.isIdleAtPrompt(l, prompts), Duration.ofSeconds(30));
            long latencyMillis = (System.nanoTime() - sent) / 1_000_000;
            System.out.printf("perfshell e2e: Ctrl-C on while (true) {} -> prompt back in %d ms%n", latencyMillis);

            String said = Tmux.outputOfLastInput(lines);
            assertThat(said)
                    .as("what Ctrl-C printed")
                    .contains("Stopped")
                    .doesNotContain("Exception in thread")
                    .doesNotContain("killed by signal")
                    .doesNotContain("Started a new engine");
            assertThat(Duration.ofMillis(latencyMillis)).as("Ctrl-C latency").isLessThan(CTRL_C_BOUND);

            // The same engine, with its state, evaluates again.
            assertThat(shell.run("before + 1")).isEqualTo("$1 ==> 6");
            assertThat(Perfshell.enginePid(shell.run("%env"))).isEqualTo(engine);
        }
    }

    @Test
    void ctrlCStopsAProfiledStatementItsPartialProfileShowsAndProfilingGoesOn() throws Exception {
        try (Tmux shell = Tmux.start(home)) {
            shell.run(
                    "long spin() { System.out.println(\"spinning\"); long n = 0; while (n >= 0) n = step(n); return n; }");
            shell.run("long step(long n) { return n + 1; }");
            long engine = Perfshell.enginePid(shell.run("%env"));
            long prompts = shell.promptCount();
            shell.type("%prun --counts spin()");
            shell.keys("Enter");
            // The engine's CPU alone is no sign that spin() runs: the magic's own preparation burns CPU too.
            shell.await(
                    "spin() runs",
                    l -> l.stream().anyMatch(line -> line.strip().equals("spinning")),
                    Duration.ofSeconds(30));
            awaitCpu(engine, cpuMillis(engine) + 300, shell);
            assertThat(shell.promptCount()).as("the profiled loop still runs").isEqualTo(prompts);
            shell.keys("C-c");
            List<String> lines = shell.await(
                    "the prompt after Ctrl-C", l -> Tmux.isIdleAtPrompt(l, prompts), Duration.ofSeconds(30));
            String said = Tmux.outputOfLastInput(lines);
            assertThat(said)
                    .as("what Ctrl-C printed")
                    .contains("*** Partial profile")
                    .contains("(step)")
                    .contains("Stopped")
                    .doesNotContain("Started a new engine");
            // the probes are gone and profiling works again, with exact counts
            assertThat(shell.run("%prun -q --counts -r again step(1) + step(2)"))
                    .contains("again ==> ");
            assertThat(shell.run("again.calls(\"step(long)\")")).endsWith("==> 2");
            assertThat(Perfshell.enginePid(shell.run("%env"))).isEqualTo(engine);
        }
    }

    @Test
    void ctrlCStopsATimingInAFreshEngine() throws Exception {
        try (Tmux shell = Tmux.start(home)) {
            shell.run("long slow() { System.out.println(\"slow runs\"); long n = 0; while (n >= 0) n++; return n; }");
            long prompts = shell.promptCount();
            shell.type("%timeit --fresh slow()");
            shell.keys("Enter");
            shell.await(
                    "slow() runs in the fresh engine",
                    l -> l.stream().anyMatch(line -> line.strip().equals("slow runs")),
                    Duration.ofSeconds(60));
            shell.keys("C-c");
            List<String> lines = shell.await(
                    "the prompt after Ctrl-C", l -> Tmux.isIdleAtPrompt(l, prompts), Duration.ofSeconds(30));
            assertThat(Tmux.outputOfLastInput(lines))
                    .as("what Ctrl-C printed")
                    .contains("Stopped")
                    .doesNotContain("Started a new engine");
            assertThat(shell.run("1 + 1")).endsWith("==> 2");
        }
    }

    @Test
    void ctrlCEndsAJmhRunAndEveryJvmItStarted() throws Exception {
        try (Tmux shell = Tmux.start(home)) {
            assertThat(shell.run("double x = 42.5;")).isEqualTo("x ==> 42.5");
            long engine = Perfshell.enginePid(shell.run("%env"));
            long prompts = shell.promptCount();
            shell.type("%jmh -wi 0 -i 100 -r 1s Math.log(x)");
            shell.keys("Enter");
            // Ctrl-C once JMH's fork measures: its first iteration is on the screen.
            shell.await(
                    "JMH's first iteration",
                    l -> l.stream().anyMatch(line -> line.contains("Iteration   1:")),
                    Duration.ofSeconds(60));
            assertThat(jmhJvms()).as("JMH's runner and fork run").isNotEmpty();
            shell.keys("C-c");
            List<String> lines = shell.await(
                    "the prompt after Ctrl-C", l -> Tmux.isIdleAtPrompt(l, prompts), Duration.ofSeconds(30));
            assertThat(Tmux.outputOfLastInput(lines))
                    .contains("Stopped: the JMH run was interrupted (Ctrl-C)")
                    .doesNotContain("Started a new engine");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!jmhJvms().isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(jmhJvms()).as("JVMs of the stopped JMH run").isEmpty();
            assertThat(shell.run("x + 1")).isEqualTo("$1 ==> 43.5");
            assertThat(Perfshell.enginePid(shell.run("%env"))).isEqualTo(engine);
        }
    }

    /** The JVMs of a %jmh run: its runner and forks carry the run's class folder, perfshell-jmh-*. */
    private static List<ProcessHandle> jmhJvms() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> line.contains("perfshell-jmh-"))
                        .orElse(false))
                .toList();
    }

    @Test
    void ctrlCOnAnEmptyLineKeepsTheShellAndTheEngine() throws Exception {
        try (Tmux shell = Tmux.start(home)) {
            assertThat(shell.run("int kept = 5;")).isEqualTo("kept ==> 5");
            long engine = Perfshell.enginePid(shell.run("%env"));
            long prompts = shell.promptCount();
            shell.keys("C-c");
            shell.awaitPrompt(prompts);
            assertThat(shell.paneDead()).as("the shell still runs").isFalse();
            String said = shell.run("kept + 1");
            assertThat(said)
                    .doesNotContain("killed by signal")
                    .doesNotContain("Started a new engine")
                    .endsWith("$1 ==> 6");
            assertThat(Perfshell.enginePid(shell.run("%env")))
                    .as("the engine survived")
                    .isEqualTo(engine);
        }
    }

    /** The engine's user + system CPU time from /proc, in ms (-1 without /proc). */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static void awaitCpu(long pid, long millis, Tmux shell) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            long cpu = cpuMillis(pid);
            if (cpu < 0) { // no /proc: give the loop a moment to start
                Thread.sleep(1000);
                return;
            }
            if (cpu >= millis) return;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the engine did not start spinning; the pane shows:\n" + shell.screen());
            }
            Thread.sleep(20);
        }
    }
}
