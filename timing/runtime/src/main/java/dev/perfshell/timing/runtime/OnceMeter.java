package dev.perfshell.timing.runtime;

import java.util.HashMap;
import java.util.Map;

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
    public HashMap<String, Long> take() {
        armed = false;
        HashMap<String, Long> figures = new HashMap<>();
        figures.put("wallNanos", wall);
        figures.put("threadCpuNanos", threadCpu);
        figures.put("threadSystemNanos", threadSystem);
        figures.put("processCpuNanos", processCpu);
        figures.put("gcCount", gcCount);
        figures.put("gcMillis", gcMillis);
        figures.put("invocations", (long) invocations);
        return figures;
    }

    public static Map<String, Long> empty() {
        return new OnceMeter().take();
    }
}
