package dev.perfshell.timing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules behind {@code %timeit}'s findings, on runs shaped like recorded ones (the false alarms of the warnings
 * corpus among them). Expected figures are worked out by hand in the comments.
 */
class TimeitFindingsTest {
    private static final ProfileCleaning CLEAN = new ProfileCleaning(true, 500, 0, 70_000_000L, null, List.of());

    private static RunEvidence runs(double[] perOp, long loops, long ops, double emptyLoop) {
        return new RunEvidence(perOp, zeros(perOp.length), 0, ops, 0, false, emptyLoop, false, CLEAN, 0.5, 2);
    }

    private static long[] zeros(int n) {
        return new long[n];
    }

    private static List<Finding.Kind> kinds(RunEvidence evidence) {
        return TimeitFindings.of(evidence, RunStatistics.of(evidence.perOpNanos())).stream()
                .map(Finding::kind)
                .toList();
    }

    private static double[] steady(double value, int n) {
        double[] runs = new double[n];
        for (int i = 0; i < n; i++) runs[i] = value * (1 + 0.001 * (i % 3)); // within 0.2%
        return runs;
    }

    @Test
    void anOpsLoopIsComparedWithTheEmptyLoopPerCall() {
        // %timeit --ops 1000 reps(1000): 0.0293 ns per operation is 29.3 ns per call, far above a 0.303 ns empty loop.
        assertThat(kinds(runs(steady(0.0293, 20), 1_600_000, 1000, 0.303))).doesNotContain(Finding.Kind.EMPTY_LOOP);
        // Math.sqrt(4.0) * 2.0 folded: 0.304 ns per call against 0.303: below 1.10 × the floor.
        List<Finding> found =
                TimeitFindings.of(runs(steady(0.304, 20), 90_000_000, 1, 0.303), RunStatistics.of(steady(0.304, 20)));
        assertThat(found).extracting(Finding::kind).containsExactly(Finding.Kind.EMPTY_LOOP);
        assertThat(found.get(0).number("perCallNanos"))
                .isEqualTo(RunStatistics.of(steady(0.304, 20)).median());
        assertThat(FindingText.line(found.get(0)))
                .startsWith("As fast as an empty loop (0.304 ns per call vs 0.303 ns)");
        // new P(x, x + 1).sum() after escape analysis: 0.42 ns against 0.363, 1.16×: two additions, not nothing.
        assertThat(kinds(runs(steady(0.42, 20), 60_000_000, 1, 0.363))).doesNotContain(Finding.Kind.EMPTY_LOOP);
    }

    @Test
    void aYoungCollectionInSomeRunsIsNoFinding() {
        // One run of ten with 5 ms of GC: JMH's mean pays for young collections too.
        double[] perOp = steady(0.5, 10);
        long[] gc = {0, 0, 0, 5, 0, 0, 0, 0, 0, 0};
        RunEvidence young = new RunEvidence(perOp, zeros(10), 0, 1000, 0, false, Double.NaN, false, CLEAN, 0.5, 2);
        assertThat(kinds(young)).isEmpty();
        RunEvidence old = new RunEvidence(perOp, zeros(10), 1, 1000, 0, false, Double.NaN, false, CLEAN, 0.5, 2);
        assertThat(kinds(old)).containsExactly(Finding.Kind.OLD_GC);
    }

    @Test
    void driftNeedsTheThirdsToBeOrderedAndApart() {
        // 12 runs, thirds of 4: the last third all below the first third's minimum, medians 100 and 80: ratio 0.8.
        double[] falling = {100, 101, 99, 100.5, 90, 92, 85, 88, 80, 81, 79, 80.5};
        List<Finding> found = new ArrayList<>();
        TimeitFindings.drift(falling, found);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).number("ratio")).isEqualTo(80.25 / 100.25);
        // Noise: the thirds overlap (one slow run at the end), no drift whatever the medians.
        double[] noisy = {100, 101, 99, 100.5, 90, 92, 85, 88, 80, 81, 79, 100.2};
        found.clear();
        TimeitFindings.drift(noisy, found);
        assertThat(found).isEmpty();
        // Ordered but within 10%: a small, steady trend does not change the number enough to say so.
        double[] creeping = {100, 100.5, 100.2, 100.4, 99, 98, 97, 96, 95, 95.5, 95.2, 95.4};
        found.clear();
        TimeitFindings.drift(creeping, found);
        assertThat(found).isEmpty();
    }

    @Test
    void aBusyMachineIsAFactOfAWideSpreadNotAFindingOfItsOwn() {
        RunEvidence quietRunsBusyMachine =
                new RunEvidence(steady(10, 20), zeros(20), 0, 1, 0, false, Double.NaN, false, CLEAN, 3.5, 2);
        assertThat(kinds(quietRunsBusyMachine)).isEmpty();
        double[] wide = {10, 30, 10, 31, 10, 29, 10, 30, 11, 30};
        RunEvidence wideBusy = new RunEvidence(wide, zeros(10), 0, 1, 0, false, Double.NaN, false, CLEAN, 3.5, 2);
        List<Finding> found = TimeitFindings.of(wideBusy, RunStatistics.of(wide));
        assertThat(found).extracting(Finding::kind).containsExactly(Finding.Kind.WIDE_SPREAD);
        assertThat(FindingText.line(found.get(0))).contains("and the machine was busy (load average 3.5 on 2 cores)");
    }

    @Test
    void profilesThatCouldNotBeResetAreSaidOnlyWhenAResetWasAsked() {
        ProfileCleaning failed = new ProfileCleaning(true, 0, 0, 0, "no instrumentation", List.of());
        RunEvidence notReset =
                new RunEvidence(steady(10, 20), zeros(20), 0, 1, 0, false, Double.NaN, false, failed, 0.5, 2);
        assertThat(kinds(notReset)).containsExactly(Finding.Kind.PROFILES_NOT_RESET);
        RunEvidence kept = new RunEvidence(
                steady(10, 20), zeros(20), 0, 1, 0, false, Double.NaN, false, ProfileCleaning.kept(), 0.5, 2);
        assertThat(kinds(kept)).isEmpty();
    }

    @Test
    void aLoopThatNeverReachedC2IsSaid() {
        RunEvidence c1Only =
                new RunEvidence(steady(7.6, 20), zeros(20), 0, 1, 0, true, Double.NaN, false, CLEAN, 0.5, 2);
        List<Finding> found = TimeitFindings.of(c1Only, RunStatistics.of(steady(7.6, 20)));
        assertThat(found).extracting(Finding::kind).containsExactly(Finding.Kind.NOT_COMPILED);
        assertThat(FindingText.line(found.get(0))).startsWith("The snippet's loop was never compiled by C2");
    }

    @Test
    void slowRunsOnFreshMemoryAreNamedWithTheirSlowdown() {
        // Faults 30,000 + 28,000 = 58,000 pages × 4 KiB = 226.6 MiB; medians 580 against 14.5: 40.00×.
        Finding f =
                TimeitFindings.freshMemory(new double[] {14, 15, 600, 560, 14.5}, new long[] {0, 2, 30_000, 28_000, 1});
        assertThat(FindingText.line(f))
                .startsWith(
                        "The heap was still growing: 2 of 5 runs wrote to never-touched memory (227 MiB, page faults) "
                                + "and were 40.00× slower than the others. Next: a larger --budget");
        assertThat(FindingText.line(
                        TimeitFindings.freshMemory(new double[] {600, 610, 590}, new long[] {20_000, 21_000, 19_000})))
                .startsWith(
                        "The heap was still growing: every run wrote to never-touched memory (234 MiB in all, page faults)");
    }

    @Test
    void faultsThatDoNotSlowTheRunsDownAndUnknownFaultsGiveNoFinding() {
        assertThat(TimeitFindings.freshMemory(new double[] {14, 14.2, 14.1}, new long[] {0, 500, 0}))
                .isNull();
        assertThat(TimeitFindings.freshMemory(new double[] {14, 14.2, 14.1}, new long[] {0, 16, 3}))
                .isNull();
        assertThat(TimeitFindings.freshMemory(new double[] {14, 600}, new long[] {-1, -1}))
                .isNull();
        assertThat(TimeitFindings.freshMemory(new double[] {14, 600}, null)).isNull();
    }

    @Test
    void aHugeFoldingRatioReadsAtAGlance() {
        assertThat(FindingText.line(Finding.of(Finding.Kind.FOLDED, "controlNanos", 2.5e6, "ratio", 8484802.44)))
                .contains("the snippet takes 2.5 ms, 8,480,000× as long as here.");
    }

    @Test
    void slowestRunKeepsIpythonsText() {
        assertThat(FindingText.line(Finding.of(Finding.Kind.SLOWEST_RUN, "ratio", 5.125)))
                .isEqualTo(
                        "The slowest run took 5.12 times longer than the fastest. This could mean that an intermediate result is "
                                + "being cached, the JIT recompiled the code, or a GC hit one run.");
        assertThat(Arrays.stream(Finding.Kind.values()).map(Finding.Kind::id)).doesNotHaveDuplicates();
    }
}
