package dev.perfshell.timing.runtime;

import java.util.Locale;

/**
 * How a {@code %timeit} call spends its budget, decided from the plan and one probe operation.
 * Pure arithmetic, kept apart from {@link TimeitRunner} so it can be tested without timing anything.
 *
 * @param probeNanos         one interpreted operation's time, at least 1: an upper bound of its cost
 * @param budgetNanos        the whole call's target duration (the plan's, or {@link #DEFAULT_BUDGET_NANOS})
 * @param measureBudgetNanos the measurement's share of the budget
 * @param runs               measured runs
 * @param runNanos           length of one time-boxed run (warm-up runs have the same length)
 * @param note               why the plan was changed ("fewer runs: …"), or empty
 */
record TimeitSchedule(
        long probeNanos, long budgetNanos, long measureBudgetNanos, int runs, long runNanos, String note) {
    /**
     * 1.3 s: with the profile reset (17-44 ms) and the runs a late compile costs, a default %timeit takes about 1.5 s
     * (scripts/bench/warnings prints the median and maximum; IPython's %timeit takes 1.5-3 s). The measurement's
     * share is 20 runs of ~29 ms.
     */
    static final long DEFAULT_BUDGET_NANOS = 1_300_000_000L;

    static final int DEFAULT_RUNS = 20;

    static TimeitSchedule of(TimeitPlan plan, long probeNanos) {
        long budget = plan.budgetNanos() > 0 ? plan.budgetNanos() : DEFAULT_BUDGET_NANOS;
        int runs = plan.runs() > 0 ? plan.runs() : DEFAULT_RUNS;
        // A fixed warm-up takes its time first, but never more than half the budget from the
        // measurement; a settling warm-up gets what the measurement's 45% leaves.
        long measureBudget =
                plan.warmupNanos() > 0 ? Math.max(budget - plan.warmupNanos(), budget / 2) : budget * 45 / 100;
        String note = "";
        if (plan.runs() == 0 && probeNanos * runs > measureBudget) {
            // One operation exceeds budget/runs: fewer runs, each of one operation. An explicit -r is kept.
            runs = (int) Math.max(1, Math.min(runs, measureBudget / probeNanos));
            note = String.format(
                    Locale.ROOT,
                    "fewer runs: one operation takes about %.3g ms, longer than budget/runs",
                    probeNanos / 1e6);
        }
        return new TimeitSchedule(probeNanos, budget, measureBudget, runs, Math.max(1, measureBudget / runs), note);
    }

    /**
     * One operation outlasts a run, so a time-boxed run is a single operation: a settling warm-up
     * could not collect enough runs within the budget, and does one run only.
     */
    boolean operationLongerThanRun() {
        return probeNanos > runNanos;
    }

    /**
     * The warm-up's time limit: a fixed {@code --warmup SECONDS}, or else what the measurement
     * leaves of the budget once the probe (and anything else before warm-up) has spent {@code spentNanos}.
     */
    long warmupBudgetNanos(TimeitPlan plan, long spentNanos) {
        return plan.warmupNanos() > 0 ? plan.warmupNanos() : budgetNanos - measureBudgetNanos - spentNanos;
    }
}
