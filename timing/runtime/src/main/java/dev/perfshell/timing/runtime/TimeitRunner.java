package dev.perfshell.timing.runtime;

import org.openjdk.jmh.infra.Blackhole;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The engine side of {@code %timeit}: probe, warm up until the per-run times settle, then measure
 * time-boxed runs of JMH's stub shape, keeping every run's ns/op, operation count, allocated
 * bytes and GC time. Runs on the engine's command thread, between clientCodeEnter/Leave, so
 * Ctrl-C stops it. The decisions are {@link TimeitSchedule}'s (how many runs, how long) and
 * {@link WarmupPolicy}'s (when warm-up stops), pure and tested with a fake clock; this class runs
 * the payload and feeds them what it measured.
 */
public final class TimeitRunner {
    /** The only string JMH's public Blackhole constructor accepts (jmh-core 1.37). */
    public static final String BLACKHOLE_CHALLENGE =
            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "perfshell-timeit-timer");
        thread.setDaemon(true);
        return thread;
    });
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final GcCounters gc = new GcCounters();
    private final java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    private final PageFaults pageFaults = new PageFaults();

    /** One run's figures; {@code faults}: the timed thread's minor page faults, -1 when unknown. */
    private record Run(long nanos, long ops, long allocatedBytes, long gcMillis, long oldGcCount, long faults) {
        /** The run touched fresh memory: see {@link #FRESH_MEMORY_SHARE}. */
        boolean onFreshMemory() {
            return faults > MIN_FRESH_FAULTS && faults * PAGE_BYTES > FRESH_MEMORY_SHARE * allocatedBytes;
        }
    }

    /** Linux's base page: what one minor fault of heap memory touches (the engine does not ask for huge pages). */
    static final long PAGE_BYTES = 4096;
    /**
     * A run "on fresh memory": more than this share of what it allocated landed on never-touched pages.
     * In steady state the young generation reuses touched memory and the timed thread faults ~never; while
     * G1 grows the heap the share is up to 1, and where faults are dear (15 µs a page in this project's
     * sandbox) even 1% of fresh memory doubles a run's time.
     */
    static final double FRESH_MEMORY_SHARE = 0.001;
    /** Below this many faults a run is never called fresh (a TLAB's first touch, a stack page). */
    static final long MIN_FRESH_FAULTS = 16;

    /** Watches the generated classes' JIT activity; {@code null} until the first timing (JFR starts lazily). */
    private JitActivity jit;

    /**
     * The JIT watch, started on first use. Starting JFR costs about 0.7 s the first time in a JVM, so the
     * engine may start it ahead of the first timing ({@code JitWatchPrestart}).
     */
    public synchronized JitActivity jitWatch() {
        if (jit == null) jit = new JitActivity();
        return jit;
    }

    public HashMap<String, Object> run(Timed timed, TimeitPlan plan) throws Throwable {
        return run(timed, plan, true);
    }

    /**
     * @param watchJit follow the snippet's own compilations with JFR (off for the self-check,
     *                 whose classes are not the user's)
     */
    public HashMap<String, Object> run(Timed timed, TimeitPlan plan, boolean watchJit) throws Throwable {
        JitActivity watch = watchJit ? jitWatch() : null;
        Blackhole bh = new Blackhole(BLACKHOLE_CHALLENGE);
        long start = System.nanoTime();
        Warm warm = warmUp(timed, bh, plan, watch, start);
        java.time.Instant measureStart = java.time.Instant.now();
        Measured measured = new Measured(warm.schedule.runs());
        for (int i = 0; i < warm.schedule.runs(); i++) measured.add(i, measureOne(timed, bh, warm.schedule.runNanos(), plan), plan);
        return measured.wire(warm, watch == null ? -1L : (long) watch.since(timed.getClass(), measureStart), System.nanoTime() - start);
    }

    /**
     * {@code %compare}: several snippets under one plan, each probed and warmed up in turn, then
     * measured in rounds that interleave them (A B C, B C A, C A B, ...), so drift of a busy machine
     * over the call hits every snippet alike and no snippet always runs right after the same other.
     * Each gets the runs of the plan (the fewest any of them can afford, when one is slow).
     *
     * @return one result per snippet, in their order, with {@link #run}'s fields
     */
    public ArrayList<HashMap<String, Object>> interleaved(List<Timed> snippets, TimeitPlan plan) throws Throwable {
        JitActivity jit = jitWatch();
        Blackhole bh = new Blackhole(BLACKHOLE_CHALLENGE);
        long start = System.nanoTime();
        List<Warm> warm = new ArrayList<>();
        for (Timed timed : snippets) warm.add(warmUp(timed, bh, plan, jit, System.nanoTime()));
        int rounds = warm.stream().mapToInt(w -> w.schedule.runs()).min().orElse(0);
        List<Measured> measured = new ArrayList<>();
        for (int k = 0; k < snippets.size(); k++) measured.add(new Measured(rounds));
        java.time.Instant measureStart = java.time.Instant.now();
        for (int round = 0; round < rounds; round++) {
            for (int step = 0; step < snippets.size(); step++) {
                int k = (round + step) % snippets.size();
                measured.get(k).add(round, measureOne(snippets.get(k), bh, warm.get(k).schedule.runNanos(), plan), plan);
            }
        }
        long total = System.nanoTime() - start;
        ArrayList<HashMap<String, Object>> results = new ArrayList<>();
        for (int k = 0; k < snippets.size(); k++) {
            results.add(measured.get(k).wire(warm.get(k), jit.since(snippets.get(k).getClass(), measureStart), total));
        }
        return results;
    }

    /** A snippet after its probe and warm-up: the schedule its runs follow, and how the warm-up went. */
    private record Warm(TimeitSchedule schedule, WarmupPolicy policy, long warmupNanos) {}

    /** Probe, schedule, and warm-up runs of the measurement's length until {@link WarmupPolicy} says stop. */
    private Warm warmUp(Timed timed, Blackhole bh, TimeitPlan plan, JitActivity watch, long start) throws Throwable {
        // Probe: one operation, interpreted, is an upper bound of its cost.
        Run probe = counted(timed, bh, 1, plan);
        TimeitSchedule schedule = TimeitSchedule.of(plan, Math.max(1, probe.nanos));
        List<java.time.Instant> warmStarts = new ArrayList<>();
        long collectionsBefore = gc.count();
        WarmupPolicy warmup = WarmupPolicy.start(plan, schedule, System::nanoTime, start,
                warmupRun -> jitQuiet(watch, timed, warmStarts.get(warmupRun)));
        boolean over;
        do {
            warmStarts.add(java.time.Instant.now());
            Run run = measureOne(timed, bh, schedule.runNanos(), plan);
            long committed = memory.getHeapMemoryUsage().getCommitted();
            // At least a byte per operation: a first run's class loading does not make a snippet allocating.
            over = warmup.observe(new WarmupPolicy.Observation(perOp(run, plan), committed,
                    run.allocatedBytes >= run.ops, gc.count() > collectionsBefore, run.onFreshMemory()));
        } while (!over);
        return new Warm(schedule, warmup, warmup.elapsedNanos());
    }

    /** The measured runs of one snippet, filled run by run. */
    private static final class Measured {
        final double[] perOp;
        final long[] ops;
        final long[] allocated;
        final long[] gcMillis;
        final long[] faults;
        long oldGcs;

        Measured(int runs) {
            perOp = new double[runs];
            ops = new long[runs];
            allocated = new long[runs];
            gcMillis = new long[runs];
            faults = new long[runs];
        }

        void add(int i, Run run, TimeitPlan plan) {
            perOp[i] = perOp(run, plan);
            ops[i] = run.ops;
            allocated[i] = run.allocatedBytes;
            gcMillis[i] = run.gcMillis;
            oldGcs += run.oldGcCount;
            faults[i] = run.faults;
        }

        HashMap<String, Object> wire(Warm warm, long jitEvents, long totalNanos) {
            HashMap<String, Object> result = new HashMap<>();
            result.put("perOpNanos", perOp);
            result.put("ops", ops);
            result.put("allocatedBytes", allocated);
            result.put("gcMillis", gcMillis);
            result.put("oldGcCount", oldGcs);
            result.put("pageFaults", faults);
            result.put("warmupNanos", warm.warmupNanos);
            result.put("warmupRuns", (long) warm.policy.runs());
            result.put("settled", warm.policy.settled());
            result.put("note", warm.schedule.note());
            result.put("jitEventsDuringMeasurement", jitEvents);
            result.put("totalNanos", totalNanos);
            return result;
        }
    }

    private Run measureOne(Timed timed, Blackhole bh, long runNanos, TimeitPlan plan) throws Throwable {
        return plan.loops() > 0 ? counted(timed, bh, plan.loops(), plan) : timeBoxed(timed, bh, runNanos);
    }

    private Run timeBoxed(Timed timed, Blackhole bh, long runNanos) throws Throwable {
        timed.perfshell$setup();
        LoopControl control = new LoopControl();
        long faultsBefore = pageFaults.minor();
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
        return new Run(t1 - t0, ops, allocated, gc.millis() - gcBefore, gc.oldCount() - oldBefore, faultsSince(faultsBefore));
    }

    private Run counted(Timed timed, Blackhole bh, long n, TimeitPlan plan) throws Throwable {
        timed.perfshell$setup();
        long faultsBefore = pageFaults.minor();
        long gcBefore = gc.millis();
        long oldBefore = gc.oldCount();
        long allocBefore = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        long ops = timed.perfshell$loopCounted(bh, new LoopControl(), n);
        long t1 = System.nanoTime();
        long allocated = threads.getCurrentThreadAllocatedBytes() - allocBefore;
        return new Run(t1 - t0, ops, allocated, gc.millis() - gcBefore, gc.oldCount() - oldBefore, faultsSince(faultsBefore));
    }

    /** Faults since {@code before} (read outside the allocation window: reading /proc allocates a little). */
    private long faultsSince(long before) {
        long after = pageFaults.minor();
        return before < 0 || after < 0 ? -1 : after - before;
    }

    private static double perOp(Run run, TimeitPlan plan) {
        return (double) run.nanos / ((double) run.ops * plan.opsPerInvocation());
    }

    /** No compilation or deoptimisation of the snippet's class since {@code since} (always true without a watch). */
    private static boolean jitQuiet(JitActivity watch, Timed timed, java.time.Instant since) throws java.io.IOException {
        return watch == null || watch.since(timed.getClass(), since) == 0;
    }
}
