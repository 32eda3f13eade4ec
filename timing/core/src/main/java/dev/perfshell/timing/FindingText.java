package dev.perfshell.timing;

import dev.perfshell.timing.runtime.Units;
import java.util.Locale;

/** The one line a {@link Finding} prints as, with what to do next. */
public final class FindingText {
    private FindingText() {}

    public static String line(Finding f) {
        return switch (f.kind()) {
            case SLOWEST_RUN ->
                "The slowest run took " + Units.ratio(f.number("ratio"))
                        + " times longer than the fastest. This could mean that an intermediate result is being cached, the JIT"
                        + " recompiled the code, or a GC hit one run.";
            case FOLDED ->
                String.format(
                        Locale.ROOT,
                        "Likely folded to a constant: with its literals read from fields the snippet takes %s, "
                                + "%s× as long as here. Next: make inputs come from variables or setup, not literals.",
                        Units.time(f.number("controlNanos")),
                        Units.ratio(f.number("ratio")));
            case EMPTY_LOOP ->
                String.format(
                        Locale.ROOT,
                        "As fast as an empty loop (%s per call vs %s): the work may have been folded to a "
                                + "constant or removed. Next: make inputs come from variables or setup, not literals.",
                        Units.time(f.number("perCallNanos")),
                        Units.time(f.number("emptyLoopNanos")));
            case JIT_DURING_MEASUREMENT ->
                "The snippet's code was compiled or deoptimised " + (long) f.number("events")
                        + (f.number("events") == 1 ? " time" : " times")
                        + " during the measurement, so the runs did not all run the same"
                        + " code. Next: --warmup 2 or a larger --budget.";
            case NOT_COMPILED ->
                "The snippet's loop was never compiled by C2 (the JIT's queue was busy), so C1's slower code was "
                        + "timed. Next: a larger --budget, or time it again.";
            case DRIFT ->
                String.format(
                        Locale.ROOT,
                        "The runs were still changing: the last third of the runs took %s× the first third "
                                + "(each of those runs slower than each of the first third's). Next: --warmup 2 or a larger"
                                + " --budget.",
                        Units.ratio(f.number("ratio")));
            case OLD_GC ->
                "An old-generation GC ran during the measurement, so some runs include a full collection. "
                        + "Next: -v shows the runs; -R -Xmx4g gives the heap room.";
            case HEAP_GROWING -> heapGrowing(f);
            case CPU_WAIT -> cpuWait(f);
            case WIDE_SPREAD ->
                String.format(
                        Locale.ROOT,
                        "The spread is wide: the 99.9%% confidence interval of the mean is ±%.0f%%%s; "
                                + "-v shows the runs.",
                        f.number("ciHalfWidthPercent"),
                        f.fact("loadAverage") == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        " and the machine was busy (load average %.1f on %d cores)",
                                        f.number("loadAverage"),
                                        (long) f.number("cores")));
            case PROFILES_NOT_RESET ->
                "JIT profiles were not reset (" + f.fact("problem") + "): earlier code in this engine may have "
                        + "shaped the snippet's compiled code. Next: --fresh, or %jmh.";
        };
    }

    private static String cpuWait(Finding f) {
        long waiting = (long) f.number("runsWaiting");
        long runs = (long) f.number("runs");
        double share = f.number("waitShare");
        String what = String.format(
                Locale.ROOT,
                "%d of %d runs waited for a CPU for %.0f%% of their time (other processes held the cores)",
                waiting,
                runs,
                share * 100);
        if (f.fact("leftOut") != null) {
            return String.format(
                    Locale.ROOT,
                    "%s; they read %s× the others' time and were left out, the figures are from the other %d runs.",
                    what,
                    Units.ratio(f.number("slowdown")),
                    runs - waiting);
        }
        return String.format(
                Locale.ROOT,
                "%s: the times read about %.1f× what a quiet machine would. Next: time it again when the machine is "
                        + "quieter, or with a larger --budget.",
                what,
                1 / (1 - Math.min(share, 0.99)));
    }

    private static String heapGrowing(Finding f) {
        String written = Units.bytes(f.number("freshBytes"));
        String next = " Next: a larger --budget (until the heap stops growing), or a fixed, pre-touched heap: "
                + "start perfshell with -R -Xms1g -R -Xmx1g -R -XX:+AlwaysPreTouch.";
        long onFresh = (long) f.number("runsOnFreshMemory");
        long runs = (long) f.number("runs");
        if (f.fact("leftOut") != null) {
            return String.format(
                            Locale.ROOT,
                            "The heap was still growing: %d of %d runs wrote to never-touched memory (%s, page faults) "
                                    + "and were %s× slower; they were left out, the figures are from the other %d runs.",
                            onFresh,
                            runs,
                            written,
                            Units.ratio(f.number("slowdown")),
                            runs - onFresh)
                    + next;
        }
        if (onFresh == runs) {
            return "The heap was still growing: every run wrote to never-touched memory (" + written
                    + " in all, page faults), and the times include the faults." + next;
        }
        return String.format(
                        Locale.ROOT,
                        "The heap was still growing: %d of %d runs wrote to never-touched memory (%s, page faults) "
                                + "and were %s× slower than the others.",
                        onFresh,
                        runs,
                        written,
                        Units.ratio(f.number("slowdown")))
                + next;
    }
}
