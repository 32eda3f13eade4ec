package dev.perfshell.repl.timeit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.timing.runtime.TimeitPlan;
import org.junit.jupiter.api.Test;

class SweepScheduleTest {
    /** TimeitPlan(budget, runs, loops, warm-up ns, warm-up runs, ops). */
    private static TimeitPlan asked(long budgetNanos, int runs) {
        return new TimeitPlan(budgetNanos, runs, 0, 0, 0, 1);
    }

    @Test
    void theBudgetIsSplitOverValuesAndTwoPassesWithAFloorPerPass() {
        // 4 s over 4 values and 2 passes: 0.5 s a pass.
        assertThat(SweepSchedule.of(asked(4_000_000_000L, 0), 4).plan().budgetNanos())
                .isEqualTo(500_000_000L);
        // The default 2 s over 5 values would give 0.2 s a pass: the floor, 0.3 s, holds.
        assertThat(SweepSchedule.of(asked(0, 0), 5).plan().budgetNanos()).isEqualTo(SweepSchedule.PASS_FLOOR_NANOS);
    }

    @Test
    void anExplicitRunCountIsSplitBetweenThePasses() {
        SweepSchedule three = SweepSchedule.of(asked(0, 3), 2);
        assertThat(three.plan().runs()).isEqualTo(2); // the descending pass gets the other 1
        assertThat(three.twoPasses()).isTrue();
        SweepSchedule one = SweepSchedule.of(asked(0, 1), 2);
        assertThat(one.plan().runs()).isEqualTo(1);
        assertThat(one.twoPasses()).isFalse();
        assertThat(SweepSchedule.of(asked(0, 0), 2).plan().runs()).isZero(); // time-boxed
    }
}
