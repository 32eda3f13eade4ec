package dev.perfshell.repl.memory;

import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.link.TimeitRuns;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.timeit.TimedSnippet;
import dev.perfshell.repl.timeit.TimedSourceBuilder;
import dev.perfshell.timing.runtime.TimeitPlan;
import dev.perfshell.timing.runtime.Units;
import java.util.Arrays;
import java.util.Locale;

/**
 * %memit's B/op, JMH's gc.alloc.rate.norm: the expression looped as warm code in %timeit's loop, its value consumed
 * by the Blackhole so it escapes, and the allocation divided by the operations. Also each value's figure of a
 * {@code --param} sweep. When to loop, with which plan, and the probe that keeps a loop from growing the session's
 * state are decided here, away from the magic.
 */
public final class BytesPerOp {
    /**
     * A short looped probe that retains more than this, and more than a quarter of what it allocated,
     * keeps what it allocates: the real loop would grow the session's state, so it is not run. (The
     * engine's own first-use bookkeeping retains up to a few hundred KiB, a small share of what any
     * allocating probe allocates.)
     */
    private static final long RETAINED_BY_PROBE_BYTES = 32 * 1024;
    /** About 0.1 s: one warm-up run, then one measured run, time-boxed. */
    private static final TimeitPlan PROBE_PLAN = new TimeitPlan(100_000_000L, 1, 0, 0, 1, 1);

    private static final TimeitPlan PER_OP_PLAN = new TimeitPlan(600_000_000L, 5, 0, 250_000_000L, 0, 1);

    /** A sweep's looped B/op per value: allocation per operation is exact, so a short plan is enough. */
    private static final TimeitPlan SWEEP_PLAN = new TimeitPlan(300_000_000L, 3, 0, 100_000_000L, 0, 1);

    private BytesPerOp() {}

    /** The looped allocation per operation, or why there is none. */
    public record Outcome(MemitReport.PerOp perOp, String note) {
        static Outcome skipped(String note) {
            return new Outcome(null, note);
        }
    }

    /**
     * Why B/op is not looped, or {@code null} to loop it.
     *
     * @param loops {@code -n}, which loops even a statement, or {@code null}
     */
    public static String skipped(Long loops, boolean expression) {
        if (loops != null) return null;
        if (!expression)
            return "not measured for a statement (looping it would repeat its effects); -n LOOPS loops it anyway";
        return null;
    }

    /**
     * The code's B/op. Without {@code -n}, a 0.1 s probe first: an expression such as {@code list.add(x)} keeps what
     * it allocates, and is then not looped longer. Call the session's blackhole check first, as every timing does.
     *
     * @param loops {@code -n}: operations per run, or {@code null} for time-boxed runs
     */
    public static Outcome of(Session session, String code, Long loops) throws TimedSourceBuilder.SetupTypeException {
        TimeitPlan plan = loops != null ? new TimeitPlan(0, 5, loops, 0, 2, 1) : PER_OP_PLAN;
        try (TimedSnippet timed = TimedSnippet.declare(session, "PerfshellMemit", code, "", false)) {
            if (!timed.ok())
                return Outcome.skipped("not measured: the expression could not be looped ("
                        + timed.errors().get(0) + ")");
            if (loops == null) {
                // An expression such as list.add(x) keeps what it allocates: a 0.1 s probe, measured for what it
                // retains.
                session.request(EngineRequest.memitArm(false));
                TimeitRuns probe = session.request(EngineRequest.allocationRuns(timed.binaryName(), PROBE_PLAN));
                long retained = session.request(EngineRequest.memitTake()).retainedBytes();
                long allocated = Arrays.stream(probe.allocatedBytes()).sum();
                if (retained > RETAINED_BY_PROBE_BYTES && retained * 4 > allocated) {
                    return Outcome.skipped(String.format(
                            Locale.ROOT,
                            "not measured: the expression keeps what it allocates "
                                    + "(a 0.1 s probe loop retained %s; looping it longer would grow the session's state); "
                                    + "-n LOOPS loops it anyway",
                            Units.bytes(retained)));
                }
            }
            return new Outcome(looped(session, timed.binaryName(), plan), "");
        } catch (EngineException e) {
            if (session.engine().wasStopped()) return Outcome.skipped("not measured: stopped (Ctrl-C)");
            return Outcome.skipped("not measured: the loop failed (" + e.getMessage() + ")");
        }
    }

    /** The plan of each value of a {@code --param} sweep; {@code loops} is {@code -n} or {@code null}. */
    public static TimeitPlan sweepPlan(Long loops) {
        return loops != null ? new TimeitPlan(0, 3, loops, 0, 2, 1) : SWEEP_PLAN;
    }

    /** The allocation per operation of a declared timed class, looped on {@code plan}. */
    public static MemitReport.PerOp looped(Session session, String binaryName, TimeitPlan plan) throws EngineException {
        TimeitRuns runs = session.request(EngineRequest.allocationRuns(binaryName, plan));
        return new MemitReport.PerOp(
                runs.allocatedBytesPerOp(1), Arrays.stream(runs.ops()).sum());
    }
}
