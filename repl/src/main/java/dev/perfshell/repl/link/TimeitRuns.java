package dev.perfshell.repl.link;

import dev.perfshell.timing.ProfileCleaning;
import dev.perfshell.timing.runtime.ProfileReset;
import dev.perfshell.timing.runtime.TimeitReply;
import java.util.Arrays;

/**
 * What the engine measured for one {@code %timeit}: every measured run, and the warm-up.
 *
 * @param perOpNanos     ns per operation, one value per measured run
 * @param ops            operations in each run
 * @param allocatedBytes bytes the timing thread allocated in each run (setup excluded)
 * @param gcMillis       GC time during each run
 * @param oldGcCount     old-generation / full collections during the measured runs
 * @param pageFaults     the timing thread's minor page faults in each measured run: each is a never-touched 4 KiB
 *                       page written to (-1 where the OS does not say)
 * @param runNanos       each measured run's wall time (null from an engine that does not send it)
 * @param cpuWaitNanos   how long the timing thread waited for a CPU in each run while other threads or processes held
 *                       the cores (-1 where the OS does not say; null from an engine that does not send it)
 * @param note           why the plan changed (e.g. fewer runs for a slow operation), or empty
 * @param jitEvents      compilations/deoptimisations of the snippet's own code during the measured runs (-1: not watched)
 * @param totalNanos     engine time for the whole call
 * @param profiles       what was done about earlier code's JIT profiles before the warm-up
 * @param leftOutForJit  measured runs left out because the JIT rebuilt the snippet's code after them (the runs
 *                       reported all ran the final code)
 * @param loopWithoutC2  the timing loop turned often enough for C2 but was never compiled by it (C1's code was timed)
 */
public record TimeitRuns(
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
        long totalNanos,
        ProfileCleaning profiles,
        int leftOutForJit,
        boolean loopWithoutC2) {

    /** The engine's reply as the shell reads it. */
    static TimeitRuns of(TimeitReply reply) {
        ProfileReset.Outcome reset = reply.profileReset();
        return new TimeitRuns(
                reply.perOpNanos(),
                reply.ops(),
                reply.allocatedBytes(),
                reply.gcMillis(),
                reply.oldGcCount(),
                reply.pageFaults(),
                reply.runNanos(),
                reply.cpuWaitNanos(),
                reply.warmupNanos(),
                reply.warmupRuns(),
                reply.settled(),
                reply.note(),
                reply.jitEvents(),
                reply.totalNanos(),
                reset == null
                        ? ProfileCleaning.kept()
                        : new ProfileCleaning(
                                true,
                                reset.classes(),
                                reset.failed(),
                                reset.nanos(),
                                reset.problem(),
                                reset.examples()),
                reply.leftOutForJit(),
                Boolean.FALSE.equals(reply.loopReachedC2()));
    }

    /**
     * What {@link dev.perfshell.timing.TimeitFindings} reads, with what the magic knows besides the runs.
     *
     * @param emptyLoopNanos the engine's empty loop per call (NaN when unknown)
     * @param emptySnippet   the snippet is empty on purpose
     */
    public dev.perfshell.timing.RunEvidence evidence(
            long opsPerInvocation, double emptyLoopNanos, boolean emptySnippet) {
        return new dev.perfshell.timing.RunEvidence(
                perOpNanos,
                pageFaults,
                oldGcCount,
                opsPerInvocation,
                jitEvents,
                loopWithoutC2,
                emptyLoopNanos,
                emptySnippet,
                profiles,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
    }

    /** The mean number of operations per run, rounded: IPython's "loops each". */
    public long loopsPerRun() {
        return Math.round(Arrays.stream(ops).average().orElse(0));
    }

    /** Bytes allocated per operation over all measured runs. */
    public double allocatedBytesPerOp(long opsPerInvocation) {
        long totalOps = Arrays.stream(ops).sum() * opsPerInvocation;
        return totalOps == 0
                ? Double.NaN
                : (double) Arrays.stream(allocatedBytes).sum() / totalOps;
    }

    /**
     * Two measurements of the same class as one: the runs of both, in order. Used by sweeps, which time each
     * value in two passes (ascending, then descending) so that a machine whose load drifts during the sweep
     * does not turn the drift into a trend over the parameter.
     */
    public static TimeitRuns combine(TimeitRuns a, TimeitRuns b) {
        return new TimeitRuns(
                concat(a.perOpNanos, b.perOpNanos),
                concat(a.ops, b.ops),
                concat(a.allocatedBytes, b.allocatedBytes),
                concat(a.gcMillis, b.gcMillis),
                a.oldGcCount + b.oldGcCount,
                concat(a.pageFaults, b.pageFaults),
                a.runNanos == null || b.runNanos == null ? null : concat(a.runNanos, b.runNanos),
                a.cpuWaitNanos == null || b.cpuWaitNanos == null ? null : concat(a.cpuWaitNanos, b.cpuWaitNanos),
                a.warmupNanos + b.warmupNanos,
                a.warmupRuns + b.warmupRuns,
                a.settled && b.settled,
                a.note.isEmpty() ? b.note : a.note,
                a.jitEvents < 0 || b.jitEvents < 0 ? -1 : a.jitEvents + b.jitEvents,
                a.totalNanos + b.totalNanos,
                b.profiles,
                a.leftOutForJit + b.leftOutForJit,
                a.loopWithoutC2 || b.loopWithoutC2);
    }

    /** Only the runs {@code keep} marks, in order; the warm-up and the totals stay as measured. */
    public TimeitRuns keep(boolean[] keep) {
        int[] kept = java.util.stream.IntStream.range(0, perOpNanos.length)
                .filter(i -> keep[i])
                .toArray();
        return new TimeitRuns(
                Arrays.stream(kept).mapToDouble(i -> perOpNanos[i]).toArray(),
                pick(ops, kept),
                pick(allocatedBytes, kept),
                pick(gcMillis, kept),
                oldGcCount,
                pageFaults == null ? null : pick(pageFaults, kept),
                runNanos == null ? null : pick(runNanos, kept),
                cpuWaitNanos == null ? null : pick(cpuWaitNanos, kept),
                warmupNanos,
                warmupRuns,
                settled,
                note,
                jitEvents,
                totalNanos,
                profiles,
                leftOutForJit,
                loopWithoutC2);
    }

    private static long[] pick(long[] values, int[] kept) {
        return Arrays.stream(kept).mapToLong(i -> values[i]).toArray();
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static long[] concat(long[] a, long[] b) {
        long[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
