package dev.perfshell.timing.runtime;

import org.openjdk.jmh.infra.Blackhole;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The engine side of {@code %timeit}: probe, warm up until the per-run times settle, then measure
 * time-boxed runs of JMH's stub shape, keeping every run's ns/op, operation count, allocated
 * bytes and GC time. Runs on the engine's command thread, between clientCodeEnter/Leave, so
 * Ctrl-C stops it.
 */
public final class TimeitRunner {
    /** The only string JMH's public Blackhole constructor accepts (jmh-core 1.37). */
    static final String BLACKHOLE_CHALLENGE =
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";
    static final long DEFAULT_BUDGET_NANOS = 2_000_000_000L;
    static final int DEFAULT_RUNS = 20;
    static final long MIN_WARMUP_NANOS = 200_000_000L;
    /** Warm-up is settled when the last {@link #SETTLE_RUNS} runs lie within this fraction of each other. */
    static final double SETTLE_SPREAD = 0.03;
    static final int SETTLE_RUNS = 3;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "perfshell-timeit-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final GcCounters gc = new GcCounters();
    private final java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    /** One run's figures. */
    private record Run(long nanos, long ops, long allocatedBytes, long gcMillis, long oldGcCount) {}

    /** Watches the generated classes' JIT activity; {@code null} until the first timing (JFR starts lazily). */
    private JitActivity jit;

    public HashMap<String, Object> run(Timed timed, TimeitPlan plan) throws Throwable {
        return run(timed, plan, true);
    }

    /**
     * @param watchJit follow the snippet's own compilations with JFR (off for the self-check,
     *                 whose classes are not the user's)
     */
    public HashMap<String, Object> run(Timed timed, TimeitPlan plan, boolean watchJit) throws Throwable {
        if (watchJit && jit == null) jit = new JitActivity();
        JitActivity watch = watchJit ? jit : null;
        Blackhole bh = new Blackhole(BLACKHOLE_CHALLENGE);
        long budget = plan.budgetNanos() > 0 ? plan.budgetNanos() : DEFAULT_BUDGET_NANOS;
        long start = System.nanoTime();

        // Probe: one operation, interpreted, is an upper bound of its cost.
        Run probe = counted(timed, bh, 1, plan);
        long probeNanos = Math.max(1, probe.nanos);

        int runs = plan.runs() > 0 ? plan.runs() : DEFAULT_RUNS;
        long measureBudget = plan.warmupNanos() > 0 ? Math.max(budget - plan.warmupNanos(), budget / 2) : budget * 45 / 100;
        String note = "";
        if (plan.runs() == 0 && probeNanos * runs > measureBudget) {
            // One operation exceeds budget/runs: fewer runs, each of one operation.
            runs = (int) Math.max(1, Math.min(runs, measureBudget / probeNanos));
            note = String.format(Locale.ROOT, "fewer runs: one operation takes about %.3g ms, longer than budget/runs", probeNanos / 1e6);
        }
        long runNanos = Math.max(1, measureBudget / runs);

        // Warm-up: same run length as the measurement, until the per-op times settle.
        List<Double> warm = new ArrayList<>();
        List<java.time.Instant> warmStarts = new ArrayList<>();
        List<Long> heap = new ArrayList<>();
        boolean allocates = false;
        long collectionsBefore = gc.count();
        boolean settled = false;
        long warmStart = System.nanoTime();
        long warmBudget = plan.warmupNanos() > 0 ? plan.warmupNanos() : budget - measureBudget - (warmStart - start);
        while (true) {
            if (plan.warmupRuns() == 0 && plan.warmupNanos() == 0 && probeNanos > runNanos && warm.size() >= 1) break;
            warmStarts.add(java.time.Instant.now());
            Run run = measureOne(timed, bh, runNanos, plan);
            warm.add(perOp(run, plan));
            heap.add(memory.getHeapMemoryUsage().getCommitted());
            // At least a byte per operation: a first run's class loading does not make a snippet allocating.
            allocates = run.allocatedBytes >= run.ops;
            long elapsed = System.nanoTime() - warmStart;
            if (plan.warmupRuns() > 0) {
                if (warm.size() >= plan.warmupRuns()) break;
                continue;
            }
            if (plan.warmupNanos() > 0) {
                if (elapsed >= plan.warmupNanos()) break;
                continue;
            }
            // An allocating snippet first runs on never-touched young-generation pages (first-touch
            // page faults: 2.8 µs instead of 50 ns for new byte[1024]); after a young collection the
            // young generation is memory that has been touched.
            boolean heapWarm = !allocates || gc.count() > collectionsBefore;
            if (elapsed >= MIN_WARMUP_NANOS && settled(warm) && steady(heap) && heapWarm
                    && jitQuiet(watch, timed, warmStarts.get(warmStarts.size() - SETTLE_RUNS))) {
                settled = true;
                break;
            }
            if (elapsed >= warmBudget) break;
        }
        long warmupNanos = System.nanoTime() - warmStart;
        if (plan.warmupRuns() > 0 || plan.warmupNanos() > 0) settled = settled(warm);

        java.time.Instant measureStart = java.time.Instant.now();
        double[] perOp = new double[runs];
        long[] ops = new long[runs];
        long[] allocated = new long[runs];
        long[] gcMillis = new long[runs];
        long oldGcs = 0;
        for (int i = 0; i < runs; i++) {
            Run run = measureOne(timed, bh, runNanos, plan);
            perOp[i] = perOp(run, plan);
            ops[i] = run.ops;
            allocated[i] = run.allocatedBytes;
            gcMillis[i] = run.gcMillis;
            oldGcs += run.oldGcCount;
        }
        HashMap<String, Object> result = new HashMap<>();
        result.put("perOpNanos", perOp);
        result.put("ops", ops);
        result.put("allocatedBytes", allocated);
        result.put("gcMillis", gcMillis);
        result.put("oldGcCount", oldGcs);
        result.put("warmupNanos", warmupNanos);
        result.put("warmupRuns", (long) warm.size());
        result.put("settled", settled);
        result.put("note", note);
        result.put("jitEventsDuringMeasurement", watch == null ? -1L : (long) watch.since(timed.getClass(), measureStart));
        result.put("totalNanos", System.nanoTime() - start);
        return result;
    }

    private Run measureOne(Timed timed, Blackhole bh, long runNanos, TimeitPlan plan) throws Throwable {
        return plan.loops() > 0 ? counted(timed, bh, plan.loops(), plan) : timeBoxed(timed, bh, runNanos);
    }

    private Run timeBoxed(Timed timed, Blackhole bh, long runNanos) throws Throwable {
        timed.perfshell$setup();
        LoopControl control = new LoopControl();
        long gcBefore = gc.millis();
        long oldBefore = gc.oldCount();
        ScheduledFuture<?> stop = timer.schedule(() -> control.isDone = true, runNanos, TimeUnit.NANOSECONDS);
        // Read after scheduling: the timer's own task must not count as the snippet's allocation.
        long allocBefore = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        long ops = timed.perfshell$loop(bh, control);
        long t1 = System.nanoTime();
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocBefore;
        stop.cancel(false);
        return new Run(t1 - t0, ops, allocated, gc.millis() - gcBefore, gc.oldCount() - oldBefore);
    }

    private Run counted(Timed timed, Blackhole bh, long n, TimeitPlan plan) throws Throwable {
        timed.perfshell$setup();
        long gcBefore = gc.millis();
        long oldBefore = gc.oldCount();
        long allocBefore = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        long ops = timed.perfshell$loopCounted(bh, new LoopControl(), n);
        long t1 = System.nanoTime();
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocBefore;
        return new Run(t1 - t0, ops, allocated, gc.millis() - gcBefore, gc.oldCount() - oldBefore);
    }

    private static double perOp(Run run, TimeitPlan plan) {
        return (double) run.nanos / ((double) run.ops * plan.opsPerInvocation());
    }

    /** No compilation or deoptimisation of the snippet's class since {@code since} (always true without a watch). */
    private static boolean jitQuiet(JitActivity watch, Timed timed, java.time.Instant since) throws java.io.IOException {
        return watch == null || watch.since(timed.getClass(), since) == 0;
    }

    /** The last runs lie within {@link #SETTLE_SPREAD} of each other. */
    static boolean settled(List<Double> perOp) {
        if (perOp.size() < SETTLE_RUNS) return false;
        double[] last = perOp.subList(perOp.size() - SETTLE_RUNS, perOp.size()).stream().mapToDouble(Double::doubleValue).toArray();
        double min = Arrays.stream(last).min().orElse(0);
        double max = Arrays.stream(last).max().orElse(0);
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
        List<Long> last = committedHeap.subList(committedHeap.size() - SETTLE_RUNS, committedHeap.size());
        return last.stream().distinct().count() == 1;
    }



}
