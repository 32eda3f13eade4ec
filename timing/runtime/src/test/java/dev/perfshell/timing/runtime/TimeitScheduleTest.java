package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The schedule arithmetic: runs, run length, the budget's split, the "fewer runs" note. */
class TimeitScheduleTest {
    private static final long MS = 1_000_000L;

    /** A plan that chooses everything itself except the budget. */
    private static TimeitPlan auto(long budgetNanos) {
        return new TimeitPlan(budgetNanos, 0, 0, 0, 0, 1);
    }

    @Test
    void defaultsSplitOnePointThreeSecondsIntoTwentyRunsOfTwentyNineMilliseconds() {
        TimeitPlan plan = auto(0);
        TimeitSchedule schedule = TimeitSchedule.of(plan, 1_000);
        assertThat(schedule.budgetNanos()).isEqualTo(1_300 * MS);
        assertThat(schedule.measureBudgetNanos()).isEqualTo(585 * MS); // 45% of 1.3 s
        assertThat(schedule.runs()).isEqualTo(20);
        assertThat(schedule.runNanos()).isEqualTo(29_250_000L); // 585 ms / 20
        assertThat(schedule.note()).isEmpty();
        assertThat(schedule.operationLongerThanRun()).isFalse();
        // the settling warm-up gets what the measurement and the probe leave: 1300 - 585 - 100 ms
        assertThat(schedule.warmupBudgetNanos(plan, 100 * MS)).isEqualTo(615 * MS);
    }

    @Test
    void probeTimesRunsWithinTheMeasureBudgetKeepsAllRuns() {
        TimeitSchedule schedule = TimeitSchedule.of(auto(2_000 * MS), 45 * MS); // 20 × 45 ms = 900 ms exactly
        assertThat(schedule.runs()).isEqualTo(20);
        assertThat(schedule.runNanos()).isEqualTo(45 * MS);
        assertThat(schedule.note()).isEmpty();
    }

    @Test
    void probeTimesRunsOverTheMeasureBudgetGivesFewerRunsAndANote() {
        TimeitSchedule barely = TimeitSchedule.of(auto(2_000 * MS), 45 * MS + 1);
        assertThat(barely.runs()).isEqualTo(19); // 900 ms / 45.000001 ms
        assertThat(barely.runNanos()).isEqualTo(900 * MS / 19).isEqualTo(47_368_421L);
        assertThat(barely.note()).isEqualTo("fewer runs: one operation takes about 45.0 ms, longer than budget/runs");

        TimeitSchedule slow = TimeitSchedule.of(auto(2_000 * MS), 200 * MS);
        assertThat(slow.runs()).isEqualTo(4);
        assertThat(slow.runNanos()).isEqualTo(225 * MS);
        assertThat(slow.note()).isEqualTo("fewer runs: one operation takes about 200 ms, longer than budget/runs");
        assertThat(slow.operationLongerThanRun()).isFalse();
    }

    @Test
    void anOperationLongerThanTheMeasureBudgetGetsOneRun() {
        TimeitSchedule schedule = TimeitSchedule.of(auto(1_000 * MS), 1_000 * MS);
        assertThat(schedule.measureBudgetNanos()).isEqualTo(450 * MS);
        assertThat(schedule.runs()).isEqualTo(1);
        assertThat(schedule.runNanos()).isEqualTo(450 * MS);
        assertThat(schedule.note())
                .isEqualTo("fewer runs: one operation takes about 1.00e+03 ms, longer than budget/runs");
        assertThat(schedule.operationLongerThanRun()).isTrue();
    }

    @Test
    void explicitRunsAreHonouredEvenForASlowOperation() {
        TimeitSchedule schedule = TimeitSchedule.of(new TimeitPlan(2_000 * MS, 5, 0, 0, 0, 1), 1_000 * MS);
        assertThat(schedule.runs()).isEqualTo(5);
        assertThat(schedule.runNanos()).isEqualTo(180 * MS);
        assertThat(schedule.note()).isEmpty();
        assertThat(schedule.operationLongerThanRun()).isTrue();
    }

    @Test
    void aFixedWarmupTakesItsTimeButLeavesTheMeasurementAtLeastHalf() {
        TimeitPlan half = new TimeitPlan(2_000 * MS, 0, 0, 500 * MS, 0, 1);
        TimeitSchedule schedule = TimeitSchedule.of(half, 1_000);
        assertThat(schedule.measureBudgetNanos()).isEqualTo(1_500 * MS);
        assertThat(schedule.runNanos()).isEqualTo(75 * MS);
        assertThat(schedule.warmupBudgetNanos(half, 300 * MS)).isEqualTo(500 * MS); // the probe's time is not taken off

        TimeitSchedule greedy = TimeitSchedule.of(new TimeitPlan(2_000 * MS, 0, 0, 1_800 * MS, 0, 1), 1_000);
        assertThat(greedy.measureBudgetNanos()).isEqualTo(1_000 * MS);
        assertThat(greedy.runNanos()).isEqualTo(50 * MS);
    }
}
