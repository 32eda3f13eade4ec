package dev.perfshell.repl.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.timing.runtime.TimeitPlan;
import org.junit.jupiter.api.Test;

/** When %memit loops its code for B/op, and the plan of a sweep's values. */
class BytesPerOpTest {
    @Test
    void anExpressionIsLoopedAStatementOnlyWithDashN() {
        assertThat(BytesPerOp.skipped(null, true)).isNull();
        assertThat(BytesPerOp.skipped(1000L, false)).isNull();
        assertThat(BytesPerOp.skipped(null, false))
                .isEqualTo(
                        "not measured for a statement (looping it would repeat its effects); -n LOOPS loops it anyway");
    }

    @Test
    void aSweepValueIsTimeBoxedUnlessDashNCountsItsOperations() {
        TimeitPlan timeBoxed = BytesPerOp.sweepPlan(null);
        assertThat(timeBoxed.loops()).isZero();
        assertThat(timeBoxed.budgetNanos()).isEqualTo(300_000_000L);
        assertThat(BytesPerOp.sweepPlan(500L)).isEqualTo(new TimeitPlan(0, 3, 500, 0, 2, 1));
    }
}
