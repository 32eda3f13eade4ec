package dev.perfshell.repl.timeit;

import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.link.TimeitRuns;
import dev.perfshell.repl.session.Session;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * When each value of a {@code %timeit --param} sweep is timed: two passes, ascending then descending, whose
 * runs are pooled per value, after one discarded timing of the first value.
 *
 * <p>Why two passes: the values are timed one after the other, so anything that drifts during the sweep
 * (the machine's load, the heap growing) becomes a trend over the parameter. Measured here in one
 * ascending pass: HashMap.get read 2.24, 2.61, 2.93, 3.74, 4.78 ns for n = 10…100000, a clean O(log n) fit
 * of a constant-time call. Ascending then descending (ABBA), a drift that is steady over the sweep lands
 * on every value alike.
 */
public final class SweepSchedule {
    /**
     * A sweep splits the budget (--budget, else 2 s) across its values and two passes, but gives each value at
     * least this much per pass: a value's line needs a warm-up and runs enough for its median.
     */
    static final long PASS_FLOOR_NANOS = 300_000_000L;

    private static final long DEFAULT_BUDGET_NANOS = 2_000_000_000L;

    private final TimeitPlan up;
    private final TimeitPlan down;
    private final boolean twoPasses;
    private final boolean explicitRuns;

    private SweepSchedule(TimeitPlan up, TimeitPlan down, boolean twoPasses, boolean explicitRuns) {
        this.up = up;
        this.down = down;
        this.twoPasses = twoPasses;
        this.explicitRuns = explicitRuns;
    }

    /** The schedule for {@code values} values of the plan the user asked for. */
    public static SweepSchedule of(TimeitPlan asked, int values) {
        long total = asked.budgetNanos() > 0 ? asked.budgetNanos() : DEFAULT_BUDGET_NANOS;
        long perPass = Math.max(PASS_FLOOR_NANOS, total / (2L * values));
        // An explicit -r is split between the passes (3 = 2 + 1); -r 1 leaves one pass.
        TimeitPlan up = new TimeitPlan(
                perPass,
                asked.runs() > 0 ? (asked.runs() + 1) / 2 : 0,
                asked.loops(),
                asked.warmupNanos(),
                asked.warmupRuns(),
                asked.opsPerInvocation());
        TimeitPlan down = new TimeitPlan(
                perPass,
                asked.runs() / 2,
                asked.loops(),
                asked.warmupNanos(),
                asked.warmupRuns(),
                asked.opsPerInvocation());
        return new SweepSchedule(up, down, asked.runs() != 1, asked.runs() > 0);
    }

    public boolean twoPasses() {
        return twoPasses;
    }

    /** The first pass's plan: what one value's report and its folding control use. */
    public TimeitPlan plan() {
        return up;
    }

    /** A value whose timing failed (it threw, or Ctrl-C stopped it): nothing of the sweep is kept. */
    public static final class ValueFailed extends Exception {
        private final int index;

        ValueFailed(int index, EngineException cause) {
            super(cause.getMessage(), cause);
            this.index = index;
        }

        /** The failing value's position in the sweep. */
        public int index() {
            return index;
        }
    }

    /**
     * Times each value's generated class in the schedule's order.
     *
     * @param binaryNames each value's generated class, in the sweep's order
     * @return each value's runs, both passes pooled
     */
    public TimeitRuns[] measure(Session session, List<String> binaryNames, boolean keepProfiles) throws ValueFailed {
        int count = binaryNames.size();
        // The first value is timed once more before, and that timing discarded. Callees every value shares
        // (Arrays.sort's DualPivotQuicksort, HashMap.getNode) are compiled on their own, outside what a
        // value's warm-up watches (its generated class and what that inlines), so without this they were
        // still being compiled while the first value was measured: a sort at n=1000 read 198 µs instead of 35.
        List<Integer> order = new ArrayList<>();
        order.add(0);
        for (int i = 0; i < count; i++) order.add(i);
        if (twoPasses) for (int i = count - 1; i >= 0; i--) order.add(i);
        TimeitRuns[] first = new TimeitRuns[count];
        TimeitRuns[] both = new TimeitRuns[count];
        for (int step = 0; step < order.size(); step++) {
            int index = order.get(step);
            TimeitRuns measured;
            try {
                measured = session.request(
                        EngineRequest.timeit(binaryNames.get(index), step > count ? down : up, true, keepProfiles));
            } catch (EngineException e) {
                throw new ValueFailed(index, e);
            }
            if (step == 0) continue;
            if (first[index] == null) {
                first[index] = measured;
                if (!twoPasses) both[index] = measured;
            } else if (!explicitRuns && first[index].jitEvents() > 0 && measured.jitEvents() == 0) {
                // The JIT recompiled the snippet's own code during the first pass's runs (they mixed two versions of
                // it): the clean second pass alone is kept. Not with an explicit -r: the runs asked for are kept,
                // and the JIT warning says what happened in them.
                both[index] = measured;
            } else {
                both[index] = TimeitRuns.combine(first[index], measured);
            }
        }
        return both;
    }
}
