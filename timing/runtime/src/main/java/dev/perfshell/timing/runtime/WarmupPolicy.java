package dev.perfshell.timing.runtime;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * When {@code %timeit}'s warm-up stops. Fed one {@link Observation} per warm-up run; reads elapsed
 * time from an injected clock ({@code System::nanoTime} in the engine), so the rule can be tested
 * with a fake clock instead of real sleeping payloads.
 *
 * <p>Three modes, as the plan asks: exactly {@code --warmup Ni} runs; {@code --warmup SECONDS} of
 * time; or, by default, until the snippet is in steady state (per-run times settled, heap steady,
 * a collection seen by allocating code, its own JIT quiet), at least {@link #MIN_WARMUP_NANOS} and
 * at most the warm-up's share of the budget.
 */
final class WarmupPolicy {
    static final long MIN_WARMUP_NANOS = 200_000_000L;
    /** Warm-up is settled when the last {@link #SETTLE_RUNS} runs lie within this fraction of each other. */
    static final double SETTLE_SPREAD = 0.03;

    static final int SETTLE_RUNS = 3;
    /**
     * The snippet's own code must have been quiet (no compilation, no deoptimisation) for at least this long, not only
     * for {@link #SETTLE_RUNS} runs: with {@code -n 1000000} a run takes 2 ms, and a C2 compile that waited in the queue
     * longer than three such runs landed in the measurement (7.4 ns instead of 1.8, at C1's speed).
     */
    static final long MIN_QUIET_NANOS = 100_000_000L;

    /**
     * One warm-up run's figures.
     *
     * @param perOpNanos         the run's time per operation
     * @param committedHeapBytes the heap the JVM had committed after the run
     * @param allocates          the run allocated at least a byte per operation
     * @param collected          a garbage collection has happened since warm-up began
     * @param freshMemory        the run wrote to never-touched pages (page faults of the timed thread): the
     *                           heap is still growing into new memory
     */
    record Observation(
            double perOpNanos, long committedHeapBytes, boolean allocates, boolean collected, boolean freshMemory) {
        Observation(double perOpNanos, long committedHeapBytes, boolean allocates, boolean collected) {
            this(perOpNanos, committedHeapBytes, allocates, collected, false);
        }
    }

    /**
     * Whether the snippet's own methods saw no compilation or deoptimisation since warm-up run
     * {@code warmupRun} (0-based) began. Asked only once every cheaper condition holds, since the
     * engine answers it by dumping a JFR recording.
     */
    @FunctionalInterface
    interface JitQuiet {
        boolean since(int warmupRun) throws IOException;
    }

    private final LongSupplier clock;
    private final long startNanos;
    /** {@code --warmup Ni}; 0 when not given. Wins over {@link #exactNanos}, as the plan documents. */
    private final int exactRuns;
    /** {@code --warmup SECONDS}; 0 when not given. */
    private final long exactNanos;
    /** The settling warm-up's limit: what the measurement and the probe left of the budget. */
    private final long budgetNanos;
    /** See {@link TimeitSchedule#operationLongerThanRun()}. */
    private final boolean oneRun;

    private final JitQuiet jit;

    private final List<Double> perOp = new ArrayList<>();
    private final List<Long> heap = new ArrayList<>();
    /** The clock when each run was observed (its end). */
    private final List<Long> ends = new ArrayList<>();

    private boolean settledEarly;
    private boolean over;

    private WarmupPolicy(
            LongSupplier clock,
            long startNanos,
            int exactRuns,
            long exactNanos,
            long budgetNanos,
            boolean oneRun,
            JitQuiet jit) {
        this.clock = clock;
        this.startNanos = startNanos;
        this.exactRuns = exactRuns;
        this.exactNanos = exactNanos;
        this.budgetNanos = budgetNanos;
        this.oneRun = oneRun;
        this.jit = jit;
    }

    /**
     * Starts the warm-up now (one clock reading: the start, and the probe's share of the budget).
     *
     * @param callStartNanos the clock when the {@code %timeit} call began, before the probe
     */
    static WarmupPolicy start(
            TimeitPlan plan, TimeitSchedule schedule, LongSupplier clock, long callStartNanos, JitQuiet jit) {
        long now = clock.getAsLong();
        return new WarmupPolicy(
                clock,
                now,
                plan.warmupRuns(),
                plan.warmupNanos(),
                schedule.warmupBudgetNanos(plan, now - callStartNanos),
                schedule.operationLongerThanRun(),
                jit);
    }

    /** Records one warm-up run; true when the warm-up is over. */
    boolean observe(Observation run) throws IOException {
        if (over) throw new IllegalStateException("warm-up is over");
        perOp.add(run.perOpNanos());
        heap.add(run.committedHeapBytes());
        ends.add(clock.getAsLong());
        over = decide(run, elapsedNanos());
        return over;
    }

    private boolean decide(Observation run, long elapsed) throws IOException {
        if (exactRuns > 0) return perOp.size() >= exactRuns;
        if (exactNanos > 0) return elapsed >= exactNanos;
        // An allocating snippet first runs on never-touched young-generation pages (first-touch
        // page faults: 2.8 µs instead of 50 ns for new byte[1024]); after a young collection the
        // young generation is memory that has been touched -- unless G1 is still growing the heap,
        // which the timed thread's own page faults show.
        boolean heapWarm = !run.allocates() || (run.collected() && !run.freshMemory());
        if (elapsed >= MIN_WARMUP_NANOS && settled(perOp) && steady(heap) && heapWarm && jit.since(quietFrom())) {
            settledEarly = true;
            return true;
        }
        return elapsed >= budgetNanos || oneRun;
    }

    /** The first run of the window the JIT must have been quiet in: the last {@link #SETTLE_RUNS} runs, or more to span {@link #MIN_QUIET_NANOS}. */
    int quietFrom() {
        long now = ends.get(ends.size() - 1);
        int from = perOp.size() - SETTLE_RUNS;
        while (from > 0 && now - ends.get(from - 1) < MIN_QUIET_NANOS) from--;
        return Math.max(0, from);
    }

    /** Time since the warm-up started. */
    long elapsedNanos() {
        return clock.getAsLong() - startNanos;
    }

    /** Warm-up runs observed. */
    int runs() {
        return perOp.size();
    }

    /**
     * The settling warm-up: whether it stopped in steady state rather than at its budget. A fixed
     * warm-up: whether its last runs happen to agree.
     */
    boolean settled() {
        return exactRuns > 0 || exactNanos > 0 ? settled(perOp) : settledEarly;
    }

    /**
     * The last runs lie within {@link #SETTLE_SPREAD} of each other. Plain loops, here and in {@link #steady}: this
     * runs between the snippet's warm-up runs, after its JIT profiles were reset, and a stream pipeline here would
     * train {@code java.util.stream}'s profiles with perfshell's own element types.
     */
    static boolean settled(List<Double> perOp) {
        if (perOp.size() < SETTLE_RUNS) return false;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (int i = perOp.size() - SETTLE_RUNS; i < perOp.size(); i++) {
            min = Math.min(min, perOp.get(i));
            max = Math.max(max, perOp.get(i));
        }
        return min > 0 && max / min - 1 <= SETTLE_SPREAD;
    }

    /**
     * The committed heap did not change over the last runs. While the JVM is still growing its
     * heap, allocating code runs on freshly committed memory and pays first-touch page faults:
     * measured 2.8 µs instead of 50 ns for {@code new byte[1024]} until the young generation had
     * been filled once.
     */
    static boolean steady(List<Long> committedHeap) {
        if (committedHeap.size() < SETTLE_RUNS) return false;
        long last = committedHeap.get(committedHeap.size() - 1);
        for (int i = committedHeap.size() - SETTLE_RUNS; i < committedHeap.size(); i++)
            if (committedHeap.get(i) != last) return false;
        return true;
    }
}
