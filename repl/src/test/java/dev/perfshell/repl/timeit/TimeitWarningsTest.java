package dev.perfshell.repl.timeit;

import dev.perfshell.repl.engine.TimeitRuns;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The fresh-memory warning: runs whose timed thread wrote to never-touched pages, judged against the other runs. */
class TimeitWarningsTest {
    private static TimeitRuns runs(double[] perOp, long[] faults) {
        long[] ops = new long[perOp.length];
        Arrays.fill(ops, 1000);
        return new TimeitRuns(perOp, ops, new long[perOp.length], new long[perOp.length], 0, faults, 0, 3, true, "", 0, 0);
    }

    @Test
    void slowRunsOnFreshMemoryAreNamedWithTheirSlowdown() {
        String warning = TimeitWarnings.freshMemory(runs(new double[] {14, 15, 600, 560, 14.5}, new long[] {0, 2, 30_000, 28_000, 1}));
        assertThat(warning).startsWith("The heap was still growing: 2 of 5 runs wrote to never-touched memory (227 MiB, page faults) "
                + "and were 40.0× slower than the others. Next: a larger --budget");
    }

    @Test
    void everyRunOnFreshMemoryIsSaidWithoutARatio() {
        assertThat(TimeitWarnings.freshMemory(runs(new double[] {600, 610, 590}, new long[] {20_000, 21_000, 19_000})))
                .startsWith("The heap was still growing: every run wrote to never-touched memory (234 MiB in all, page faults)");
    }

    @Test
    void faultsThatDoNotSlowTheRunsDownAndQuietRunsGiveNoWarning() {
        assertThat(TimeitWarnings.freshMemory(runs(new double[] {14, 14.2, 14.1}, new long[] {0, 500, 0}))).isNull();
        assertThat(TimeitWarnings.freshMemory(runs(new double[] {14, 14.2, 14.1}, new long[] {0, 16, 3}))).isNull();
        // Where the OS does not say (no /proc): no verdict.
        assertThat(TimeitWarnings.freshMemory(runs(new double[] {14, 600}, new long[] {-1, -1}))).isNull();
        assertThat(TimeitWarnings.freshMemory(runs(new double[] {14, 600}, null))).isNull();
    }
}
