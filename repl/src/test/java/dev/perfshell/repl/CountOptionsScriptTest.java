package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One rule for every magic's counts and durations: a value given must be positive, and a zero or negative one is
 * refused before anything runs, in one line of one shape. Zero used to mean "the default" in some magics
 * (%memit -n 0, --timeout 0) and was taken as it stood in others (%jmh -r 0s, %flame --interval 0).
 */
class CountOptionsScriptTest {
    private static final List<String> INPUTS = List.of(
            "%memit -r 0 new int[4]",
            "%memit -n 0 new int[4]",
            "%memit --timeout 0 new int[4]",
            "%flame -n 0 Math.abs(-1)",
            "%flame --duration 0 Math.abs(-1)",
            "%flame --interval 0 Math.abs(-1)",
            "%jmh -i 0 Math.abs(-1)",
            "%jmh -t 0 Math.abs(-1)",
            "%jmh -f -1 Math.abs(-1)",
            "%jmh -w 0s Math.abs(-1)",
            "%jmh -r 0ms Math.abs(-1)",
            "%prun -n 0 Math.abs(-1)",
            "%timeit -r 0 Math.abs(-1)",
            "%timeit --ops 0 Math.abs(-1)",
            "%timeit --warmup 0i Math.abs(-1)",
            "%compare -n 0 Math.abs(-1) ;; Math.abs(-2)",
            "%compare --budget 0 Math.abs(-1) ;; Math.abs(-2)");

    private static ScriptRun run;

    @BeforeAll
    static void runScript(@TempDir Path dir) throws Exception {
        run = ScriptRun.file(dir, String.join("\n", INPUTS) + "\n", List.of(), "--keep-going");
    }

    @Test
    void everyZeroIsRefusedBeforeAnythingRuns() {
        assertThat(run.failedLines()).as(run.toString()).hasSize(INPUTS.size());
        assertThat(run.lines().stream().filter(line -> line.startsWith("%")).toList())
                .as(run.toString())
                .containsExactly(
                        "%memit: -r must be at least 1, got 0. Next: leave -r out for the default",
                        "%memit: -n must be at least 1, got 0. Next: leave -n out for the default",
                        "%memit: --timeout must be more than 0 seconds, got 0. Next: leave --timeout out to let the statement finish",
                        "%flame: -n must be at least 1, got 0. Next: leave -n out for the default",
                        "%flame: --duration must be more than 0 seconds, got 0. Next: leave --duration out for the default",
                        "%flame: --interval must be more than 0, got '0'. Next: leave --interval out for the default",
                        "%jmh: -i must be at least 1, got 0. Next: leave -i out for the default",
                        "%jmh: -t must be at least 1, got 0. Next: leave -t out for the default",
                        "%jmh: -f must be 0 or more, got -1. Next: leave -f out for the default",
                        "%jmh: -w must be more than 0, got '0s'. Next: leave -w out for the default",
                        "%jmh: -r must be more than 0, got '0ms'. Next: leave -r out for the default",
                        "%prun: -n must be at least 1, got 0. Next: leave -n out for one run, or e.g. %prun -n 20 fib(20)",
                        "%timeit: -r must be at least 1, got 0. Next: leave -r out for the default",
                        "%timeit: --ops must be at least 1, got 0. Next: leave --ops out for the default",
                        "%timeit: --warmup must be more than 0, got '0i'. Next: leave --warmup out to warm up until the times settle",
                        "%compare: -n must be at least 1, got 0. Next: leave -n out for time-boxed runs",
                        "%compare: --budget must be more than 0 seconds, got 0. Next: leave --budget out for the default");
    }
}
