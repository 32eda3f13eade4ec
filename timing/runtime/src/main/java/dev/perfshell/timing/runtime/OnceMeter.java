package dev.perfshell.timing.runtime;

/**
 * Measures code that runs once (the engine side of {@code %time}): wall time, the running thread's
 * user and system CPU time, the whole engine process's CPU time (JIT, GC and worker threads
 * included), and garbage collections. Armed by the front end, it accumulates over every snippet
 * invocation until taken, so a {@code %%time} cell of several snippets is measured as one.
 *
 * <p>Runs inside the engine JVM: JDK types only, and results travel as a {@code HashMap} of longs
 * because the engine's reply stream carries plain serializable JDK values.
 */
public final class OnceMeter {
    private final CpuClocks clocks = new CpuClocks();
    private final GcCounters gc = new GcCounters();

    private boolean armed;
    private int invocations;
    private long wall, threadCpu, threadSystem, processCpu, gcCount, gcMillis;
    private long startWall, startCpu, startSystem, startProcess, startGcCount, startGcMillis;

    /** Starts a new measurement: later invocations accumulate until {@link #take()}. */
    public void arm() {
        armed = true;
        invocations = 0;
        wall = threadCpu = threadSystem = processCpu = gcCount = gcMillis = 0;
    }

    public void begin() {
        if (!armed) return;
        startGcCount = gc.count();
        startGcMillis = gc.millis();
        startProcess = clocks.processCpu();
        startSystem = clocks.threadSystem();
        startCpu = clocks.threadCpu();
        startWall = System.nanoTime(); // last, so the other reads are not timed
    }

    public void end() {
        if (!armed) return;
        long now = System.nanoTime(); // first, for the same reason
        wall += now - startWall;
        long cpu = clocks.threadCpu() - startCpu;
        threadCpu += cpu;
        threadSystem += Math.min(cpu, clocks.threadSystem() - startSystem);
        processCpu += Math.max(cpu, clocks.processCpu() - startProcess);
        gcCount += gc.count() - startGcCount;
        gcMillis += gc.millis() - startGcMillis;
        invocations++;
    }

    /** Disarms and returns the accumulated figures (nanoseconds, counts, GC milliseconds). */
    public Figures take() {
        armed = false;
        return new Figures(wall, threadCpu, threadSystem, processCpu, gcCount, gcMillis, invocations);
    }

    /**
     * What {@code %time}'s measurement accumulated, the engine's reply to its take: written in the engine and read in
     * the shell with {@link WireForm}.
     */
    public record Figures(
            long wallNanos,
            long threadCpuNanos,
            long threadSystemNanos,
            long processCpuNanos,
            long gcCount,
            long gcMillis,
            long invocations) {
        /** Nothing measured. */
        public static final Figures NONE = new Figures(0, 0, 0, 0, 0, 0, 0);
    }
}
