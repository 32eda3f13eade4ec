package dev.perfshell.timing.runtime;

/**
 * The engine's reply to one timing ({@code %timeit}, and each snippet of {@code %compare}): every measured run and
 * the warm-up. Both JVMs use this one type: the engine writes it and the shell reads it with {@link WireForm}, so a
 * field cannot be written under one name and read under another. The wire form holds only JDK types (the engine
 * link's allow-list).
 *
 * @param perOpNanos       ns per operation, one value per measured run
 * @param ops              operations in each run
 * @param allocatedBytes   bytes the timing thread allocated in each run (setup excluded)
 * @param gcMillis         GC time during each run
 * @param oldGcCount       old-generation / full collections during the measured runs
 * @param pageFaults       the timing thread's minor page faults in each run (-1 where the OS does not say)
 * @param runNanos         each run's wall time
 * @param cpuWaitNanos     how long the timing thread waited for a CPU in each run, ready to run while other threads
 *                         or processes held the cores (-1 where the OS does not say)
 * @param warmupNanos      how long the warm-up took
 * @param warmupRuns       runs of the warm-up
 * @param settled          whether the warm-up ended because the times settled (not because the budget ran out)
 * @param note             why the plan changed (e.g. fewer runs for a slow operation), or empty
 * @param jitEvents        compilations/deoptimisations of the snippet's own code during the reported runs (-1: not
 *                         watched)
 * @param leftOutForJit    measured runs left out because the JIT rebuilt the snippet's code after them
 * @param totalNanos       engine time for the whole call
 * @param loopReachedC2    whether a loop that turned often enough for C2 was compiled by it; {@code null} when the
 *                         question did not arise (a short loop, no JIT watch, code timed before)
 * @param profileReset     what the reset of earlier code's JIT profiles did; {@code null} when they were kept
 */
public record TimeitReply(
        double[] perOpNanos,
        long[] ops,
        long[] allocatedBytes,
        long[] gcMillis,
        long oldGcCount,
        long[] pageFaults,
        long[] runNanos,
        long[] cpuWaitNanos,
        long warmupNanos,
        int warmupRuns,
        boolean settled,
        String note,
        long jitEvents,
        int leftOutForJit,
        long totalNanos,
        Boolean loopReachedC2,
        ProfileReset.Outcome profileReset) {

    /** This reply with the answer to whether the loop reached C2. */
    public TimeitReply withLoopReachedC2(boolean reached) {
        return with(reached, profileReset);
    }

    /** This reply with what the profile reset did before the warm-up ({@code null}: profiles kept on purpose). */
    public TimeitReply withProfileReset(ProfileReset.Outcome reset) {
        return with(loopReachedC2, reset);
    }

    private TimeitReply with(Boolean reached, ProfileReset.Outcome reset) {
        return new TimeitReply(
                perOpNanos,
                ops,
                allocatedBytes,
                gcMillis,
                oldGcCount,
                pageFaults,
                runNanos,
                cpuWaitNanos,
                warmupNanos,
                warmupRuns,
                settled,
                note,
                jitEvents,
                leftOutForJit,
                totalNanos,
                reached,
                reset);
    }

    /** The fastest run's ns per operation (NaN for none). */
    public double fastestPerOpNanos() {
        return java.util.Arrays.stream(perOpNanos).min().orElse(Double.NaN);
    }
}
