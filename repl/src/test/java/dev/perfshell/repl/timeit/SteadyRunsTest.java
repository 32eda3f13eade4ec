package dev.perfshell.repl.timeit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.link.TimeitRuns;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Runs that timed the heap's growth (page faults) are left out when enough steady runs remain. */
class SteadyRunsTest {
    private static TimeitRuns runs(double[] perOp, long[] faults) {
        return runs(perOp, faults, null, null);
    }

    private static TimeitRuns runs(double[] perOp, long[] faults, long[] runNanos, long[] cpuWaitNanos) {
        long[] ops = new long[perOp.length];
        Arrays.fill(ops, 1000);
        long[] allocated = new long[perOp.length];
        Arrays.fill(allocated, 2_088_000); // 2,088 B/op, as String.format
        return new TimeitRuns(
                perOp,
                ops,
                allocated,
                new long[perOp.length],
                0,
                faults,
                runNanos,
                cpuWaitNanos,
                0,
                3,
                true,
                "",
                0,
                0,
                dev.perfshell.timing.ProfileCleaning.kept(),
                0,
                false);
    }

    /** String.format in run K of scripts/bench/accuracy: 14 of 20 runs on fresh memory at ~7 µs, the rest at ~0.6 µs. */
    @Test
    void runsOnFreshMemoryAreLeftOutWhenFiveOrMoreSteadyRunsRemain() {
        double[] perOp = new double[20];
        long[] faults = new long[20];
        for (int i = 0; i < 20; i++) {
            boolean fresh = i % 10 < 7;
            perOp[i] = fresh ? 7000 + i : 590 + i;
            faults[i] = fresh ? 3000 : 2;
        }
        SteadyRuns steady = SteadyRuns.of(runs(perOp, faults));
        assertThat(steady.runs().perOpNanos()).containsExactly(597, 598, 599, 607, 608, 609);
        // The 14 left out, in run order: 7000..7006 and 7010..7016.
        assertThat(steady.leftOutPerOpNanos())
                .containsExactly(7000, 7001, 7002, 7003, 7004, 7005, 7006, 7010, 7011, 7012, 7013, 7014, 7015, 7016);
        // The export keeps them beside the reported runs, with the finding that says why; the metric stays the 6.
        dev.perfshell.timing.TimeitReport report = dev.perfshell.timing.TimeitReport.of(
                "",
                "String.format(...)",
                1000,
                steady.runs().perOpNanos(),
                Double.NaN,
                0,
                0,
                true,
                java.util.List.of());
        dev.perfshell.repl.results.ResultRecord record = TimeitDetails.withRunsLeftOut(
                TimeitDetails.record(
                        report,
                        "",
                        new dev.perfshell.timing.runtime.TimeitPlan(0, 0, 0, 0, 0, 1),
                        false,
                        dev.perfshell.repl.results.ResultOrigin.UNKNOWN),
                steady);
        assertThat(record.metric().samples()).hasSize(6);
        var details = (TimeitDetails) record.details();
        assertThat(details.runsLeftOutPerOpNanos()).hasSize(14);
        assertThat(details.findings())
                .extracting(f -> f.kind())
                .contains(dev.perfshell.timing.Finding.Kind.HEAP_GROWING);
        assertThat(steady.leftOutPerOpNanos().length + steady.runs().perOpNanos().length)
                .isEqualTo(20);
        assertThat(steady.runs().ops()).hasSize(6);
        assertThat(steady.runs().pageFaults()).containsOnly(2);
        assertThat(steady.runs().allocatedBytesPerOp(1)).isEqualTo(2088.0);
        assertThat(steady.notes())
                .extracting(f -> f.kind())
                .containsExactly(dev.perfshell.timing.Finding.Kind.HEAP_GROWING);
        assertThat(steady.warnings()).isEmpty();
        assertThat(dev.perfshell.timing.FindingText.line(steady.notes().get(0)))
                .startsWith(
                        "The heap was still growing: 14 of 20 runs wrote to never-touched memory (164 MiB, page faults)")
                .containsPattern("11\\.[56]\\d× slower; they were left out, the figures are from the other 6 runs\\.");
        assertThat(dev.perfshell.timing.TimeitFindings.freshMemory(
                        steady.runs().perOpNanos(), steady.runs().pageFaults()))
                .as("no second warning about the same runs")
                .isNull();
    }

    @Test
    void everyRunIsKeptWhenTooFewSteadyRunsRemain() {
        TimeitRuns measured =
                runs(new double[] {7000, 7100, 600, 610, 620, 7050, 605}, new long[] {3000, 3000, 0, 0, 0, 3000, 0});
        SteadyRuns steady = SteadyRuns.of(measured);
        assertThat(steady.runs()).isSameAs(measured);
        assertThat(steady.notes()).isEmpty();
        assertThat(steady.leftOutPerOpNanos()).isEmpty();
    }

    @Test
    void cheapFaultsUnknownFaultsAndNoFaultsKeepEveryRun() {
        TimeitRuns cheap = runs(new double[] {600, 610, 605, 600, 602, 601, 603}, new long[] {500, 0, 0, 0, 0, 0, 0});
        TimeitRuns unknown =
                runs(new double[] {7000, 600, 600, 600, 600, 600, 600}, new long[] {-1, -1, -1, -1, -1, -1, -1});
        TimeitRuns none = runs(new double[] {600, 601, 602, 603, 604}, new long[] {0, 0, 0, 0, 0});
        for (TimeitRuns measured : new TimeitRuns[] {cheap, unknown, none}) {
            assertThat(SteadyRuns.of(measured).runs()).isSameAs(measured);
            assertThat(SteadyRuns.of(measured).notes()).isEmpty();
        }
    }

    /**
     * Ten 15 ms runs of a 1.1 µs loop; runs 3, 4 and 8 lost 3, 6 and 7.5 ms to other processes (20%, 40%, 50%) and
     * read slower for it; run 6 lost 0.45 ms (3%, under the 5% line).
     */
    @Test
    void runsThatWaitedForACpuAreLeftOutWhenFiveOrMoreOthersRemain() {
        double[] perOp = {1100, 1102, 1375, 1833, 1101, 1099, 1135, 2200, 1103, 1098};
        long[] wait = {0, 0, 3_000_000, 6_000_000, 0, 0, 450_000, 7_500_000, 0, 0};
        long[] wall = new long[10];
        Arrays.fill(wall, 15_000_000);
        SteadyRuns steady = SteadyRuns.of(runs(perOp, new long[10], wall, wait));
        assertThat(steady.runs().perOpNanos()).containsExactly(1100, 1102, 1101, 1099, 1135, 1103, 1098);
        assertThat(steady.leftOutPerOpNanos()).containsExactly(1375, 1833, 2200);
        assertThat(steady.warnings()).isEmpty();
        dev.perfshell.timing.Finding note = steady.notes().get(0);
        assertThat(note.kind()).isEqualTo(dev.perfshell.timing.Finding.Kind.CPU_WAIT);
        // median share of the three: 40%; slowdown: median 1833 / median 1101 of the seven = 1.66
        assertThat(note.number("waitShare")).isEqualTo(0.4);
        assertThat(note.number("slowdown")).isCloseTo(1833.0 / 1101, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(dev.perfshell.timing.FindingText.line(note))
                .isEqualTo(
                        "3 of 10 runs waited for a CPU for 40% of their time (other processes held the cores);"
                                + " they read 1.66× the others' time and were left out, the figures are from the other 7 runs.");
    }

    /** Seven runs, six of which waited half their time: nothing can be left out, and the warning says by how much. */
    @Test
    void whenMostRunsWaitedEveryRunIsKeptAndAWarningSaysHowMuch() {
        double[] perOp = {2200, 2210, 1100, 2190, 2230, 2205, 2180};
        long[] wait = {7_500_000, 7_500_000, 0, 7_400_000, 7_600_000, 7_500_000, 7_300_000};
        long[] wall = new long[7];
        Arrays.fill(wall, 15_000_000);
        TimeitRuns measured = runs(perOp, new long[7], wall, wait);
        SteadyRuns steady = SteadyRuns.of(measured);
        assertThat(steady.runs()).isSameAs(measured);
        assertThat(steady.notes()).isEmpty();
        assertThat(steady.warnings()).hasSize(1);
        assertThat(dev.perfshell.timing.FindingText.line(steady.warnings().get(0)))
                .isEqualTo("6 of 7 runs waited for a CPU for 50% of their time (other processes held the cores): the"
                        + " times read about 2.0× what a quiet machine would. Next: time it again when the machine is"
                        + " quieter, or with a larger --budget.");
    }

    /** Runs without a wait figure (another OS), and a few waiting runs among too few to leave out, change nothing. */
    @Test
    void unknownWaitsAndAFewWaitsAmongFewRunsKeepEveryRun() {
        long[] wall = {15_000_000, 15_000_000, 15_000_000, 15_000_000, 15_000_000};
        TimeitRuns unknown =
                runs(new double[] {1100, 1500, 1100, 1100, 1100}, new long[5], wall, new long[] {-1, -1, -1, -1, -1});
        TimeitRuns fewWaits = runs(
                new double[] {1100, 1500, 1100, 1100, 1100}, new long[5], wall, new long[] {0, 6_000_000, 0, 0, 0});
        for (TimeitRuns measured : new TimeitRuns[] {unknown, fewWaits}) {
            SteadyRuns steady = SteadyRuns.of(measured);
            assertThat(steady.runs()).isSameAs(measured);
            assertThat(steady.notes()).isEmpty();
            assertThat(steady.warnings()).isEmpty();
        }
    }

    /** Fresh-memory runs go first; the CPU-wait rule then looks at the runs that remain. */
    @Test
    void bothRulesLeaveOutTheirOwnRuns() {
        double[] perOp = new double[12];
        long[] faults = new long[12];
        long[] wait = new long[12];
        long[] wall = new long[12];
        Arrays.fill(wall, 10_000_000);
        for (int i = 0; i < 12; i++) perOp[i] = 600 + i;
        perOp[0] = 7000;
        faults[0] = 3000; // on fresh memory
        perOp[5] = 900;
        wait[5] = 3_000_000; // waited 30%
        SteadyRuns steady = SteadyRuns.of(runs(perOp, faults, wall, wait));
        assertThat(steady.leftOutPerOpNanos()).containsExactly(7000, 900);
        assertThat(steady.notes())
                .extracting(f -> f.kind())
                .containsExactly(
                        dev.perfshell.timing.Finding.Kind.HEAP_GROWING, dev.perfshell.timing.Finding.Kind.CPU_WAIT);
        assertThat(steady.notes().get(1).number("runs")).isEqualTo(11);
        assertThat(steady.runs().perOpNanos()).hasSize(10);
    }

    /**
     * %compare's rounds: snippet A waited in rounds 2 and 3, B in rounds 3 and 7; both leave out rounds 2, 3 and 7,
     * so each keeps the same seven rounds (run i of each snippet ran side by side in time).
     */
    @Test
    void interleavedSnippetsLeaveOutTheSameRounds() {
        long[] wall = new long[10];
        Arrays.fill(wall, 10_000_000);
        double[] a = {100, 101, 180, 190, 102, 103, 104, 105, 106, 107};
        double[] b = {300, 301, 302, 560, 303, 304, 305, 590, 306, 307};
        long[] waitA = {0, 0, 4_000_000, 5_000_000, 0, 0, 0, 0, 0, 0};
        long[] waitB = {0, 0, 0, 4_500_000, 0, 0, 0, 4_800_000, 0, 0};
        java.util.List<SteadyRuns> steady = SteadyRuns.ofInterleaved(
                java.util.List.of(runs(a, new long[10], wall, waitA), runs(b, new long[10], wall, waitB)));
        assertThat(steady.get(0).runs().perOpNanos()).containsExactly(100, 101, 102, 103, 104, 106, 107);
        assertThat(steady.get(1).runs().perOpNanos()).containsExactly(300, 301, 303, 304, 305, 306, 307);
        assertThat(steady.get(0).leftOutPerOpNanos()).containsExactly(180, 190, 105);
        assertThat(steady.get(1).leftOutPerOpNanos()).containsExactly(302, 560, 590);
        assertThat(steady)
                .allSatisfy(s -> assertThat(s.notes())
                        .singleElement()
                        .satisfies(
                                note -> assertThat(note.number("runsWaiting")).isEqualTo(3)));
    }

    /** When the shared rounds leave too few, no snippet leaves any out: each keeps every run and is warned alike. */
    @Test
    void interleavedSnippetsKeepEveryRoundWhenTooFewAreClean() {
        long[] wall = new long[6];
        Arrays.fill(wall, 10_000_000);
        long[] waitA = {5_000_000, 5_000_000, 0, 0, 5_000_000, 0};
        long[] waitB = {0, 0, 5_000_000, 5_000_000, 0, 0};
        TimeitRuns a = runs(new double[] {2, 2, 1, 1, 2, 1}, new long[6], wall, waitA);
        TimeitRuns b = runs(new double[] {3, 3, 6, 6, 3, 3}, new long[6], wall, waitB);
        java.util.List<SteadyRuns> steady = SteadyRuns.ofInterleaved(java.util.List.of(a, b));
        assertThat(steady.get(0).runs()).isSameAs(a);
        assertThat(steady.get(1).runs()).isSameAs(b);
        assertThat(steady).allSatisfy(s -> assertThat(s.warnings()).hasSize(1));
    }
}
