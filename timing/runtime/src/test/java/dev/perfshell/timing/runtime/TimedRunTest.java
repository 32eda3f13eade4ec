package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimedRunTest {
    private static TimedRun run(long nanos, long ops, long allocatedBytes, long faults) {
        return new TimedRun(nanos, ops, allocatedBytes, 0, 0, faults, 0);
    }

    @Test
    void perOpDividesByLoopTurnsAndOperationsPerCall() {
        TimeitPlan plan = new TimeitPlan(0, 5, 0, 0, 0, 4);
        assertThat(run(1_000, 50, 0, 0).perOp(plan)).isEqualTo(5.0);
    }

    @Test
    void aRunIsOnFreshMemoryWhenItsFaultsCoverMoreThanATenthOfAPercentOfItsAllocation() {
        // 100 faults touch 409,600 bytes: fresh beside 100 MB allocated (0.4%), not beside 1 GB (0.04%).
        assertThat(run(1, 1, 100_000_000L, 100).onFreshMemory()).isTrue();
        assertThat(run(1, 1, 1_000_000_000L, 100).onFreshMemory()).isFalse();
    }

    @Test
    void aFewFaultsOrUnknownFaultsAreNeverFreshMemory() {
        assertThat(run(1, 1, 0, TimedRun.MIN_FRESH_FAULTS).onFreshMemory()).isFalse();
        assertThat(run(1, 1, 0, -1).onFreshMemory()).isFalse();
        assertThat(run(1, 1, 0, TimedRun.MIN_FRESH_FAULTS + 1).onFreshMemory()).isTrue();
    }
}
