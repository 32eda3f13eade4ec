package dev.perfshell.repl.timeit;

import dev.perfshell.repl.link.TimeitRuns;
import dev.perfshell.timing.Finding;
import dev.perfshell.timing.RunStatistics;
import dev.perfshell.timing.TimeitFindings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The runs that measured the snippet alone, in steady state. Two things make a run time something else, and both are
 * measured per run, so those runs can be told apart instead of guessed at:
 *
 * <ul>
 *   <li><b>Fresh memory.</b> While G1 still grows the heap, an allocating snippet's run writes to never-touched pages,
 *       and every first touch is a page fault (15 µs a page on this project's VMs: {@code String.format} read 7 µs in
 *       such runs and 0.6 µs in the others, JMH 0.6 µs). Those runs time the heap's growth, which a long-running
 *       program (or JMH's longer warm-up) has left behind.
 *   <li><b>Waiting for a CPU.</b> On a shared machine another process takes a core in the middle of a run, and the run
 *       grows by what it lost: with three busy processes beside a 1 µs loop on 2 cores, runs that waited half their
 *       time read 2.3-2.8 µs, the others 1.1 µs. Engines of {@code perfshell run --forks} that met such a burst read
 *       up to several times slower than the others, which made a 15% change unreadable between two builds.
 * </ul>
 *
 * When enough runs remain without either, they alone make the figures, and a note says how many were left out and
 * why. When too few remain and most runs waited for a CPU, nothing is left out and a warning says how much the times
 * are inflated.
 *
 * @param runs     the runs to report
 * @param notes    what was left out ({@code heap-growing} and {@code cpu-wait} findings with {@code leftOut}); empty
 *                 when every run was kept
 * @param warnings what the reported runs suffered and could not be left out (a {@code cpu-wait} finding without
 *                 {@code leftOut}), for the report's findings
 * @param leftOutPerOpNanos the left-out runs' times, ns per operation, in run order (empty when every run was kept):
 *                the export keeps them, so that no run measured is lost from the record
 */
public record SteadyRuns(TimeitRuns runs, List<Finding> notes, List<Finding> warnings, double[] leftOutPerOpNanos) {
    public SteadyRuns {
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
        leftOutPerOpNanos = leftOutPerOpNanos.clone();
    }

    @Override
    public double[] leftOutPerOpNanos() {
        return leftOutPerOpNanos.clone();
    }

    /** Fewest runs without faults or waiting that may stand for the measurement. */
    static final int MIN_STEADY_RUNS = 5;

    /**
     * A run that waited for a CPU longer than this share of its wall time was slowed by other processes. On a quiet
     * machine runs wait 0.0%; one preemption of a 10-25 ms run by a busy neighbour costs a scheduler slice, several
     * percent.
     */
    static final double WAIT_SHARE = 0.05;

    public static SteadyRuns of(TimeitRuns measured) {
        return of(measured, waitShares(measured));
    }

    /**
     * {@code %compare}'s snippets, measured in interleaved rounds (run i of every snippet in round i, side by side in
     * time). A round in which any snippet waited for a CPU is left out for all of them, so that each keeps the same
     * rounds: leaving out only the runs that waited would leave one snippet its clean runs and keep another's
     * inflated ones (a 3× loop read 5.5× that way beside a busy build). Fresh memory stays each snippet's own
     * rule: it is the snippet's allocation, not the machine.
     */
    public static List<SteadyRuns> ofInterleaved(List<TimeitRuns> measured) {
        double[] shared = null;
        for (TimeitRuns runs : measured) {
            double[] own = waitShares(runs);
            if (own == null || (shared != null && own.length != shared.length)) {
                shared = null;
                break;
            }
            if (shared == null) shared = own;
            else for (int i = 0; i < own.length; i++) shared[i] = Math.max(shared[i], own[i]);
        }
        List<SteadyRuns> steady = new ArrayList<>();
        for (TimeitRuns runs : measured) steady.add(of(runs, shared));
        return steady;
    }

    /** @param waitShares each run's share of its wall time spent waiting for a CPU, or null where unknown */
    private static SteadyRuns of(TimeitRuns measured, double[] waitShares) {
        int n = measured.perOpNanos().length;
        boolean[] keep = new boolean[n];
        Arrays.fill(keep, true);
        List<Finding> notes = new ArrayList<>();
        List<Finding> warnings = new ArrayList<>();
        Finding memory = leaveOutFreshMemory(measured, keep);
        if (memory != null) notes.add(memory);
        Finding waiting = waitShares == null ? null : leaveOutCpuWaits(measured, waitShares, keep);
        if (waiting != null) (waiting.fact("leftOut") != null ? notes : warnings).add(waiting);
        if (notes.isEmpty()) return new SteadyRuns(measured, notes, warnings, new double[0]);
        boolean[] left = new boolean[n];
        for (int i = 0; i < n; i++) left[i] = !keep[i];
        return new SteadyRuns(
                measured.keep(keep), notes, warnings, measured.keep(left).perOpNanos());
    }

    /** Each run's share of its wall time spent waiting for a CPU; null when the engine did not say. */
    private static double[] waitShares(TimeitRuns measured) {
        long[] wait = measured.cpuWaitNanos();
        long[] wall = measured.runNanos();
        int n = measured.perOpNanos().length;
        if (wait == null || wall == null || wait.length != n || wall.length != n) return null;
        double[] shares = new double[n];
        for (int i = 0; i < n; i++) {
            if (wait[i] < 0) return null;
            shares[i] = wall[i] <= 0 ? 0 : (double) wait[i] / wall[i];
        }
        return shares;
    }

    /** Clears {@code keep} for the runs on fresh memory when enough others remain; the finding says so, else null. */
    private static Finding leaveOutFreshMemory(TimeitRuns measured, boolean[] keep) {
        long[] faults = measured.pageFaults();
        double[] perOp = measured.perOpNanos();
        if (faults == null
                || faults.length != perOp.length
                || Arrays.stream(faults).anyMatch(f -> f < 0)) {
            return null;
        }
        boolean[] steady = new boolean[perOp.length];
        boolean[] fresh = new boolean[perOp.length];
        long freshPages = 0;
        int left = 0;
        for (int i = 0; i < perOp.length; i++) {
            steady[i] = faults[i] <= TimeitFindings.FRESH_RUN_FAULTS;
            fresh[i] = !steady[i];
            if (fresh[i]) {
                freshPages += faults[i];
                left++;
            }
        }
        if (left == 0 || perOp.length - left < MIN_STEADY_RUNS) return null;
        double slowdown = median(measured.keep(fresh)) / median(measured.keep(steady));
        if (slowdown < TimeitFindings.FRESH_SLOWDOWN) return null; // faults, but cheap ones
        for (int i = 0; i < perOp.length; i++) keep[i] &= steady[i];
        return Finding.of(
                Finding.Kind.HEAP_GROWING,
                "runsOnFreshMemory",
                left,
                "runs",
                perOp.length,
                "freshBytes",
                freshPages * TimeitFindings.PAGE_BYTES,
                "slowdown",
                slowdown,
                "leftOut",
                true);
    }

    /**
     * Among the runs still kept, clears {@code keep} for those that waited for a CPU when enough others remain (a note);
     * when too few remain and most waited, keeps them all and returns a warning; null when no run waited.
     */
    private static Finding leaveOutCpuWaits(TimeitRuns measured, double[] waitShares, boolean[] keep) {
        double[] perOp = measured.perOpNanos();
        boolean[] waited = new boolean[perOp.length];
        boolean[] clean = new boolean[perOp.length];
        List<Double> shares = new ArrayList<>();
        int considered = 0;
        int waiting = 0;
        for (int i = 0; i < perOp.length; i++) {
            if (!keep[i]) continue;
            considered++;
            double share = waitShares[i];
            waited[i] = share > WAIT_SHARE;
            clean[i] = !waited[i];
            if (waited[i]) {
                waiting++;
                shares.add(share);
            }
        }
        if (waiting == 0) return null;
        double share = RunStatistics.of(
                        shares.stream().mapToDouble(Double::doubleValue).toArray())
                .median();
        if (considered - waiting >= MIN_STEADY_RUNS) {
            double slowdown = median(measured.keep(waited)) / median(measured.keep(clean));
            for (int i = 0; i < perOp.length; i++) keep[i] &= clean[i];
            return Finding.of(
                    Finding.Kind.CPU_WAIT,
                    "runsWaiting",
                    waiting,
                    "runs",
                    considered,
                    "waitShare",
                    share,
                    "slowdown",
                    slowdown,
                    "leftOut",
                    true);
        }
        // A few waiting runs among too few to leave out move the spread, which the spread's own finding reports.
        if (waiting * 2 <= considered) return null;
        return Finding.of(Finding.Kind.CPU_WAIT, "runsWaiting", waiting, "runs", considered, "waitShare", share);
    }

    private static double median(TimeitRuns runs) {
        return RunStatistics.of(runs.perOpNanos()).median();
    }
}
