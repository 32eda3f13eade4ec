package dev.perfshell.timing;

/**
 * What one {@code %timeit} measured, as {@link TimeitFindings} reads it: plain values, no engine types.
 *
 * @param perOpNanos       ns per operation, one value per reported run
 * @param pageFaults       the timing thread's minor page faults in each run, or {@code null} where unknown
 * @param oldGcCount       old-generation or full collections during the runs
 * @param opsPerInvocation operations one snippet call performs ({@code --ops})
 * @param jitEvents        compilations or deoptimisations of the snippet's code during the reported runs (-1: not watched)
 * @param loopWithoutC2    the timing loop turned often enough for C2 but was never compiled by it
 * @param emptyLoopNanos   the engine's empty loop, per call, from the blackhole self-check; NaN when unknown
 * @param emptySnippet     the snippet is empty on purpose ({@code %timeit {}})
 * @param profiles         what was done about earlier code's JIT profiles
 * @param loadAverage      the machine's load average during the call
 * @param cores            the machine's cores
 */
public record RunEvidence(
        double[] perOpNanos,
        long[] pageFaults,
        long oldGcCount,
        long opsPerInvocation,
        long jitEvents,
        boolean loopWithoutC2,
        double emptyLoopNanos,
        boolean emptySnippet,
        ProfileCleaning profiles,
        double loadAverage,
        int cores) {}
