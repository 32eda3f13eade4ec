package dev.perfshell.timing.runtime;

/**
 * How to time one snippet, as the front end asks (all times in nanoseconds; 0 means "choose").
 *
 * @param budgetNanos     the whole call's target duration (warm-up and measurement)
 * @param runs            number of measured runs ({@code -r}); 0 = choose from the budget
 * @param loops           operations per run ({@code -n}); 0 = time-boxed runs as JMH does
 * @param warmupNanos     warm-up duration; 0 = until the per-run times settle, within the budget
 * @param warmupRuns      exact number of warm-up runs ({@code --warmup Ni}); 0 = by time
 * @param opsPerInvocation operations one payload call performs ({@code --ops}, JMH's @OperationsPerInvocation)
 */
public record TimeitPlan(
        long budgetNanos, int runs, long loops, long warmupNanos, int warmupRuns, long opsPerInvocation) {}
