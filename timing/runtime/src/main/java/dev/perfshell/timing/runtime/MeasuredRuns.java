package dev.perfshell.timing.runtime;

import java.util.List;

/**
 * The measured runs of one snippet, filled run by run, and the {@link TimeitReply} they make. {@link TimeitRunner}
 * fills one from a list of runs ({@code %timeit}) or round by round, several at once ({@code %compare}'s interleaved
 * rounds); its own class so the runner keeps to running.
 */
final class MeasuredRuns {
    private final double[] perOp;
    private final long[] ops;
    private final long[] allocated;
    private final long[] gcMillis;
    private final long[] faults;
    private final long[] runNanos;
    private final long[] cpuWait;
    private long oldGcs;

    MeasuredRuns(int runs) {
        perOp = new double[runs];
        ops = new long[runs];
        allocated = new long[runs];
        gcMillis = new long[runs];
        faults = new long[runs];
        runNanos = new long[runs];
        cpuWait = new long[runs];
    }

    static MeasuredRuns of(List<TimedRun> runs, TimeitPlan plan) {
        MeasuredRuns measured = new MeasuredRuns(runs.size());
        for (int i = 0; i < runs.size(); i++) measured.add(i, runs.get(i), plan);
        return measured;
    }

    void add(int i, TimedRun run, TimeitPlan plan) {
        perOp[i] = run.perOp(plan);
        ops[i] = run.ops();
        allocated[i] = run.allocatedBytes();
        gcMillis[i] = run.gcMillis();
        oldGcs += run.oldGcCount();
        faults[i] = run.faults();
        runNanos[i] = run.nanos();
        cpuWait[i] = run.cpuWaitNanos();
    }

    /** @param leftOutForJit measured runs left out because the JIT changed the snippet's code after them */
    TimeitReply reply(TimeitRunner.Warm warm, long jitEvents, int leftOutForJit, long totalNanos) {
        return new TimeitReply(
                perOp,
                ops,
                allocated,
                gcMillis,
                oldGcs,
                faults,
                runNanos,
                cpuWait,
                warm.warmupNanos(),
                warm.policy().runs(),
                warm.policy().settled(),
                warm.schedule().note(),
                jitEvents,
                leftOutForJit,
                totalNanos,
                null,
                null);
    }
}
