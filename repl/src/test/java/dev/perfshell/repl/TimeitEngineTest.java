package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** %timeit against engines started differently: a broken blackhole flag, and --fresh. */
class TimeitEngineTest {

    @Test
    void aDroppedBlackholeFlagIsCaughtAndTheEngineFallsBackToTheFullBlackhole() {
        // Without the experimental unlock HotSpot drops the blackhole CompileCommand, and every consumed
        // value becomes dead code unless the engine notices.
        ScriptRun run = ScriptRun.piped(
                String.join(
                        "\n",
                        "double x = 3.7;",
                        "%timeit -q -o broken Math.sqrt(x) * x + 1.0",
                        "%timeit -q -o empty {}",
                        "double ratio = broken.median() / empty.median();",
                        "%env",
                        ""),
                "-R",
                "-XX:-UnlockExperimentalVMOptions");
        assertThat(run.out)
                .as(run.toString())
                .contains("The engine's blackhole self-check failed")
                .containsPattern("Blackhole +JMH's full Blackhole; self-check passed");
        // The consumed expression costs several times the empty loop again (2.4 vs 0.3 ns here).
        String ratio = run.lines().stream()
                .filter(l -> l.startsWith("ratio ==> "))
                .findFirst()
                .orElseThrow();
        assertThat(Double.parseDouble(ratio.substring("ratio ==> ".length())))
                .as(run.toString())
                .isGreaterThan(2.0);
    }

    @Test
    void freshTimesInANewEngineWithTheReplayedSession() {
        ScriptRun run = ScriptRun.piped(String.join(
                "\n",
                "int[] data = Perf.ints(1000, 7);",
                "System.out.println(\"SESSION \" + ProcessHandle.current().pid());",
                "%timeit --fresh -q -r 1 -n 1 --warmup 1i { System.out.println(\"TIMED \" + ProcessHandle.current().pid() + \" \" + data.length); }",
                "System.out.println(\"AFTER \" + ProcessHandle.current().pid());",
                ""));
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.lines())
                .as(run.toString())
                .contains("--fresh: starting a new engine with the replayed session...");
        String session = pidOf(run, "SESSION ");
        String timed = pidOf(run, "TIMED ");
        assertThat(timed).as("the timing ran in another engine\n" + run).isNotEqualTo(session);
        assertThat(run.out).as("the fresh engine has the replayed data\n" + run).contains("TIMED " + timed + " 1000");
        assertThat(pidOf(run, "AFTER "))
                .as("the session's own engine answers afterwards\n" + run)
                .isEqualTo(session);
        assertThat(run.out).as(run.toString()).doesNotContain("Not in the fresh engine");
    }

    @Test
    void theDifferentialControlCatchesConstantFoldingAndOnlyThat() {
        ScriptRun run = ScriptRun.piped(String.join(
                "\n",
                "double x = 3.7;",
                "String m1 = \"folded\";",
                "%timeit Math.sqrt(3.7) * 3.7 + 1.0",
                "String m2 = \"honest\";",
                "%timeit Math.sqrt(x) * x + 1.0",
                "String m3 = \"end\";",
                ""));
        assertThat(String.join("\n", run.between("m1 ==> \"folded\"", "m2 ==>")))
                .as(run.toString())
                .contains("folded to a constant"); // the field-read control's line, or the empty-loop floor's on a busy
        // machine
        assertThat(String.join("\n", run.between("m2 ==> \"honest\"", "m3 ==>")))
                .as(run.toString())
                .doesNotContain("folded")
                .doesNotContain("empty loop");
    }

    private static String pidOf(ScriptRun run, String prefix) {
        return run.lines().stream()
                .filter(l -> l.startsWith(prefix))
                .findFirst()
                .map(l -> l.substring(prefix.length()).split(" ")[0])
                .orElseThrow(() -> new AssertionError("no " + prefix + " line in\n" + run));
    }
}
