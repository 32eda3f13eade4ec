package dev.perfshell.timing.runtime;

/**
 * What {@code %time} measured for code that ran once. All times in nanoseconds.
 *
 * @param wallNanos       wall-clock time of the snippet invocations
 * @param userNanos       CPU time the engine's snippet thread spent in user mode
 * @param systemNanos     CPU time the engine's snippet thread spent in the kernel (10 ms resolution on Linux)
 * @param processCpuNanos CPU time of the whole engine process: includes JIT compilation, GC and
 *                        worker threads (parallel streams, executors) that the thread times miss
 * @param gcCount         garbage collections during the run
 * @param gcMillis        time those collections took, as the JVM reports it (milliseconds)
 * @param compileNanos    front-end time to compile and load the snippets (javac), not in the figures above
 *
 * <p>Part of the result API: {@code %time -o NAME} binds one of these in the session.
 */
public record OnceTiming(
        long wallNanos,
        long userNanos,
        long systemNanos,
        long processCpuNanos,
        long gcCount,
        long gcMillis,
        long compileNanos) {

    /** Builds the record from the engine's figures ({@link OnceMeter#take()}). */
    public static OnceTiming fromEngine(OnceMeter.Figures figures, long frontEndNanos) {
        long wall = figures.wallNanos();
        long cpu = figures.threadCpuNanos();
        long system = Math.min(figures.threadSystemNanos(), cpu);
        return new OnceTiming(
                wall,
                cpu - system,
                system,
                figures.processCpuNanos(),
                figures.gcCount(),
                figures.gcMillis(),
                Math.max(0, frontEndNanos - wall));
    }

    public long cpuNanos() {
        return userNanos + systemNanos;
    }
}
