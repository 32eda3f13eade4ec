package dev.perfshell.timing.runtime;

import java.util.HashMap;
import java.util.Map;

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
        long budgetNanos, int runs, long loops, long warmupNanos, int warmupRuns, long opsPerInvocation) {

    public HashMap<String, Long> toWire() {
        HashMap<String, Long> wire = new HashMap<>();
        wire.put("budgetNanos", budgetNanos);
        wire.put("runs", (long) runs);
        wire.put("loops", loops);
        wire.put("warmupNanos", warmupNanos);
        wire.put("warmupRuns", (long) warmupRuns);
        wire.put("opsPerInvocation", opsPerInvocation);
        return wire;
    }

    public static TimeitPlan fromWire(Map<?, ?> wire) {
        return new TimeitPlan(
                get(wire, "budgetNanos"),
                (int) get(wire, "runs"),
                get(wire, "loops"),
                get(wire, "warmupNanos"),
                (int) get(wire, "warmupRuns"),
                Math.max(1, get(wire, "opsPerInvocation")));
    }

    private static long get(Map<?, ?> wire, String key) {
        Object value = wire.get(key);
        return value instanceof Number ? ((Number) value).longValue() : 0;
    }
}
