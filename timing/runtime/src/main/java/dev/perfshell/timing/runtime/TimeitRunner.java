package dev.perfshell.timing.runtime;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.infra.Blackhole;

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
    private final GcCounters gc = new GcCounters();
    private final java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final RunCounters counters = new RunCounters(gc);

    /** Fresh JIT profiles for what a snippet reaches, before its probe (see {@link ProfileReset}). */
    private final ProfileReset profiles;

    public TimeitRunner(ProfileReset profiles) {
        this.profiles = profiles;
    }

    /** A runner that never resets profiles (tests, and JVMs without the engine's agent). */
    public TimeitRunner() {
        this(ProfileReset.unavailable("no instrumentation"));
    }

    /**
     * A recording with no events that keeps JFR started: each timing reads the JIT from a recording of its own, which
     * starts quickly once JFR runs. {@code null} until the first timing (JFR starts lazily).
     */
    private JitActivity jit;

    /**
     * The JIT watch, started on first use. Starting JFR costs about 0.7 s the first time in a JVM, so the
     * engine may start it ahead of the first timing ({@code JitWatchPrestart}).
     */
    public synchronized JitActivity jitWatch() {
        if (jit == null) jit = JitActivity.idle();
        return jit;
    }

    /** Without the JIT watch or a reset: the runs exactly as planned (tests count them). */
    public TimeitReply run(Timed timed, TimeitPlan plan) throws Throwable {
        return run(timed, plan, false, false);
    }

    /**
     * @param watchJit      follow the snippet's own compilations with JFR (off for the self-check,
     *                      whose classes are not the user's)
     * @param resetProfiles give the code the snippet reaches fresh JIT profiles first (default of {@code %timeit};
     *                      {@code --keep-profiles} turns it off)
     */
    public TimeitReply run(Timed timed, TimeitPlan plan, boolean watchJit, boolean resetProfiles) throws Throwable {
        JitActivity engineWatch = watchJit ? jitWatch() : null; // JFR started (0.7 s the first time), kept running
        long start = System.nanoTime();
        ProfileReset.Outcome reset = resetProfiles ? reset() : null;
        // A loop compiled by C2 before (the same class timed again without a reset: a sweep's passes, --keep-profiles)
        // shows no new C2 compile: only fresh code is asked for one.
        boolean freshCode = resetProfiles || timedBefore.add(timed.getClass());
        try (JitActivity watch = engineWatch == null ? null : new JitActivity()) {
            return timeOne(timed, plan, watch, start, freshCode).withProfileReset(reset);
        }
    }

    /** Classes timed in this engine so far (weakly held: a dropped snippet's class can go). */
    private final java.util.Set<Class<?>> timedBefore =
            java.util.Collections.newSetFromMap(new java.util.WeakHashMap<>());

    /**
     * The reset, contained: whatever the JVM throws while redefining (an InternalError from JVMTI, an OutOfMemoryError)
     * becomes an outcome with a problem, and the timing goes on with the profiles as they are. Ctrl-C's stop is not
     * contained.
     */
    private ProfileReset.Outcome reset() {
        try {
            return profiles.reset();
        } catch (ThreadDeath stop) {
            throw stop;
        } catch (RuntimeException | Error failed) {
            return new ProfileReset.Outcome(0, 0, 0, "the reset failed: " + failed, List.of());
        }
    }

    /**
     * Warm-up, measurement and the runs a late compile cost. {@code watch} is a recording of this call only: parsing the
     * engine-wide one (a minute of every compile, tens of thousands after a few resets) made JFR's parser so hot that
     * its own C2 compiles filled the queue, and the snippet's loop waited behind them (C1's speed, 47 ns instead of 1.2).
     */
    private TimeitReply timeOne(Timed timed, TimeitPlan plan, JitActivity watch, long start, boolean freshCode)
            throws Throwable {
        Blackhole bh = new Blackhole(BLACKHOLE_CHALLENGE);
        Warm warm = warmUp(timed, bh, plan, watch, start, freshCode);
        int runs = warm.schedule.runs();
        List<TimedRun> done = new ArrayList<>();
        List<java.time.Instant> starts = new ArrayList<>();
        measureRuns(timed, bh, warm, plan, runs, done, starts);
        if (watch == null) return MeasuredRuns.of(done, plan).reply(warm, -1L, 0, System.nanoTime() - start);
        // The JIT may still rebuild the snippet's code after the warm-up (a C2 compile that waited behind others in the
        // queue): runs before its last compilation ran other code than the runs after it. The runs after it are kept.
        // When they are fewer than half, as many more runs as were lost are measured once; an explicit -r gets all its
        // runs measured again once, and reports exactly that many.
        // One read of the JIT since the warm-up began answers both questions: when the snippet's code last changed, and
        // whether its loop reached C2.
        JitActivity.Window window;
        try {
            window = watch.window(timed.getClass(), warm.start);
        } catch (java.io.IOException unreadable) {
            // The runs stand as measured; without the JIT's events nothing is said about them.
            return MeasuredRuns.of(done, plan).reply(warm, -1L, 0, System.nanoTime() - start);
        }
        int first = JitActivity.firstRunAfter(starts, window.times());
        boolean exact = plan.runs() > 0;
        int more = exact ? (first > 0 ? runs : 0) : (first > runs / 2 ? first : 0);
        if (more > 0 && !warm.schedule.operationLongerThanRun()) {
            measureRuns(timed, bh, warm, plan, more, done, starts);
            try {
                window = watch.window(timed.getClass(), warm.start);
            } catch (java.io.IOException unreadable) {
                window = new JitActivity.Window(
                        List.of(java.time.Instant.MAX), window.loopReachedC2()); // not known: nothing counts as clean
            }
            first = JitActivity.firstRunAfter(starts, window.times());
        }
        List<java.time.Instant> events = window.times();
        // Too few runs of the final code to stand alone (fewer than 3, or fewer than -r asks): the last runs are
        // reported as they are, and the JIT finding says what happened in them.
        boolean clean = done.size() - first >= (exact ? runs : Math.min(3, runs));
        int kept = exact || !clean ? Math.min(runs, done.size()) : done.size() - first;
        List<TimedRun> reported = done.subList(done.size() - kept, done.size());
        int leftOut = done.size() - kept;
        java.time.Instant firstReported = starts.get(done.size() - kept);
        long eventsInReported = 0;
        if (!clean) for (java.time.Instant event : events) if (!event.isBefore(firstReported)) eventsInReported++;
        TimeitReply reply =
                MeasuredRuns.of(reported, plan).reply(warm, eventsInReported, leftOut, System.nanoTime() - start);
        // A loop that turns often enough for C2 but was never compiled by it ran C1's code throughout (a busy compile
        // queue).
        return warm.loopNeedsC2 ? reply.withLoopReachedC2(window.loopReachedC2()) : reply;
    }

    private void measureRuns(
            Timed timed,
            Blackhole bh,
            Warm warm,
            TimeitPlan plan,
            int count,
            List<TimedRun> done,
            List<java.time.Instant> starts)
            throws Throwable {
        for (int i = 0; i < count; i++) {
            starts.add(java.time.Instant.now());
            done.add(measureOne(timed, bh, warm.schedule.runNanos(), plan));
        }
    }

    /**
     * {@code %compare}: several snippets under one plan, each probed and warmed up in turn, then
     * measured in rounds that interleave them (A B C, B C A, C A B, ...), so drift of a busy machine
     * over the call hits every snippet alike and no snippet always runs right after the same other.
     * Each gets the runs of the plan (the fewest any of them can afford, when one is slow).
     *
     * @return one result per snippet, in their order, with {@link #run}'s fields
     */
    public List<TimeitReply> interleaved(List<Timed> snippets, TimeitPlan plan, boolean resetProfiles)
            throws Throwable {
        jitWatch();
        long start = System.nanoTime();
        ProfileReset.Outcome reset = resetProfiles ? reset() : null;
        try (JitActivity jit = new JitActivity()) {
            return interleaved(snippets, plan, jit, reset, start);
        }
    }

    private List<TimeitReply> interleaved(
            List<Timed> snippets, TimeitPlan plan, JitActivity jit, ProfileReset.Outcome reset, long start)
            throws Throwable {
        Blackhole bh = new Blackhole(BLACKHOLE_CHALLENGE);
        List<Warm> warm = new ArrayList<>();
        for (Timed timed : snippets) warm.add(warmUp(timed, bh, plan, jit, System.nanoTime(), true));
        int rounds = Integer.MAX_VALUE;
        for (Warm each : warm) rounds = Math.min(rounds, each.schedule.runs()); // no stream: profiles were just reset
        List<MeasuredRuns> measured = new ArrayList<>();
        for (int k = 0; k < snippets.size(); k++) measured.add(new MeasuredRuns(rounds));
        java.time.Instant measureStart = java.time.Instant.now();
        for (int round = 0; round < rounds; round++) {
            for (int step = 0; step < snippets.size(); step++) {
                int k = (round + step) % snippets.size();
                measured.get(k)
                        .add(
                                round,
                                measureOne(
                                        snippets.get(k),
                                        bh,
                                        warm.get(k).schedule.runNanos(),
                                        plan),
                                plan);
            }
        }
        long total = System.nanoTime() - start;
        List<TimeitReply> results = new ArrayList<>();
        for (int k = 0; k < snippets.size(); k++) {
            results.add(measured.get(k)
                    .reply(warm.get(k), jit.since(snippets.get(k).getClass(), measureStart), 0, total)
                    .withProfileReset(reset));
        }
        return results;
    }

    /**
     * A warm-up run of at least this many loop turns is expected to get the loop compiled by C2 (tier 4 takes some
     * tens of thousands of back-edges); fewer, and the payload is compiled on its own while the loop's cost is nothing.
     */
    static final long LOOP_C2_OPS = 20_000;

    /** A snippet after its probe and warm-up: the schedule its runs follow, and how the warm-up went. */
    record Warm(
            TimeitSchedule schedule,
            WarmupPolicy policy,
            long warmupNanos,
            java.time.Instant start,
            boolean loopNeedsC2) {}

    /** Probe, schedule, and warm-up runs of the measurement's length until {@link WarmupPolicy} says stop. */
    private Warm warmUp(Timed timed, Blackhole bh, TimeitPlan plan, JitActivity watch, long start, boolean freshCode)
            throws Throwable {
        // Probe: one operation, interpreted, is an upper bound of its cost.
        TimedRun probe = counted(timed, bh, 1, plan);
        TimeitSchedule schedule = TimeitSchedule.of(plan, Math.max(1, probe.nanos()));
        long collectionsBefore = gc.count();
        // Asked only once the per-run times have settled: whether the snippet's own code was compiled in the last runs,
        // and, for a loop that turns often enough to reach C2, whether it has. Without the first, a loop whose C2
        // compile
        // waits in the queue (long right after a profile reset) settles at C1's speed: -n 1000000 runs of 2 ms read
        // 7.46 ns
        // instead of 1.8. Without the second, so did time-boxed runs of Math.sqrt(x) * x + 1.0 (7.6 ns) when the queue
        // kept
        // C2's compile of the loop waiting for a second, longer than three quiet runs.
        List<java.time.Instant> warmStarts = new ArrayList<>();
        long[] lastOps = {0};
        WarmupPolicy warmup = WarmupPolicy.start(plan, schedule, System::nanoTime, start, warmupRun -> {
            if (watch == null) return true;
            JitActivity.Window window;
            try {
                window = watch.window(timed.getClass(), warmStarts.get(0));
            } catch (java.io.IOException unreadable) {
                return true; // the JIT cannot be asked: the times alone decide
            }
            boolean needsC2 = freshCode && lastOps[0] >= LOOP_C2_OPS;
            return window.after(warmStarts.get(warmupRun)) == 0 && (!needsC2 || window.loopReachedC2());
        });
        boolean over;
        do {
            warmStarts.add(java.time.Instant.now());
            TimedRun run = measureOne(timed, bh, schedule.runNanos(), plan);
            lastOps[0] = run.ops();
            long committed = memory.getHeapMemoryUsage().getCommitted();
            // At least a byte per operation: a first run's class loading does not make a snippet allocating.
            over = warmup.observe(new WarmupPolicy.Observation(
                    run.perOp(plan),
                    committed,
                    run.allocatedBytes() >= run.ops(),
                    gc.count() > collectionsBefore,
                    run.onFreshMemory()));
        } while (!over);
        return new Warm(
                schedule,
                warmup,
                warmup.elapsedNanos(),
                warmStarts.get(0),
                watch != null && freshCode && lastOps[0] >= LOOP_C2_OPS);
    }

    private TimedRun measureOne(Timed timed, Blackhole bh, long runNanos, TimeitPlan plan) throws Throwable {
        return plan.loops() > 0 ? counted(timed, bh, plan.loops(), plan) : timeBoxed(timed, bh, runNanos);
    }

    private TimedRun timeBoxed(Timed timed, Blackhole bh, long runNanos) throws Throwable {
        timed.perfshell$setup();
        LoopControl control = new LoopControl();
        RunCounters.Before before = counters.before();
        ScheduledFuture<?> stop = timer.schedule(() -> control.isDone = true, runNanos, TimeUnit.NANOSECONDS);
        // Read after scheduling: the timer's own task must not count as the snippet's allocation.
        long allocBefore = counters.allocatedBytes();
        long t0 = System.nanoTime();
        long ops = timed.perfshell$loop(bh, control);
        long t1 = System.nanoTime();
        long allocated = counters.allocatedBytes() - allocBefore;
        stop.cancel(false);
        return counters.after(before, t1 - t0, ops, allocated);
    }

    private TimedRun counted(Timed timed, Blackhole bh, long n, TimeitPlan plan) throws Throwable {
        timed.perfshell$setup();
        RunCounters.Before before = counters.before();
        long allocBefore = counters.allocatedBytes();
        long t0 = System.nanoTime();
        long ops = timed.perfshell$loopCounted(bh, new LoopControl(), n);
        long t1 = System.nanoTime();
        long allocated = counters.allocatedBytes() - allocBefore;
        return counters.after(before, t1 - t0, ops, allocated);
    }
}
