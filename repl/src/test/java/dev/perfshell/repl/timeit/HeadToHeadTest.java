package dev.perfshell.repl.timeit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.perfshell.repl.Golden;
import dev.perfshell.repl.render.HeadToHeadRenderer;
import dev.perfshell.timing.TimeitReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** %compare's statistics and output on fixed, seeded runs. */
class HeadToHeadTest {
    private static TimeitReport report(String source, double center, double spread, long seed) {
        return report(source, center, spread, seed, 20);
    }

    private static TimeitReport report(String source, double center, double spread, long seed, int count) {
        Random random = new Random(seed);
        double[] runs = new double[count];
        for (int i = 0; i < runs.length; i++) runs[i] = center + spread * random.nextGaussian();
        return TimeitReport.of("", source, 1000, runs, Double.NaN, 0, 0, true, List.of());
    }

    @Test
    void theFastestIsNamedAndEachOtherComparedWithIt() {
        HeadToHead result = HeadToHead.of(
                List.of("slow()", "fast()", "mid()"),
                List.of(report("slow()", 200, 4, 1), report("fast()", 100, 2, 2), report("mid()", 150, 3, 3)));
        assertThat(result.fastest()).isEqualTo(1);
        assertThat(result.bySpeed()).extracting(HeadToHead.Versus::other).containsExactly(2, 0);
        HeadToHead.Versus slow = result.versus().get(0);
        assertThat(slow.other()).isZero();
        assertThat(slow.ratio()).isCloseTo(2.0, within(0.05));
        // 2% spread a side, 20 runs: the log ratio's standard error is about √(2 × 0.02² / 20) ≈ 0.0063, the 95%
        // interval about ±1.3% around the ratio.
        assertThat(slow.estimate().low()).isCloseTo(slow.ratio() * 0.987, within(0.02));
        assertThat(slow.estimate().high()).isCloseTo(slow.ratio() * 1.013, within(0.02));
        assertThat(slow.pU()).isLessThan(1e-6);
        assertThat(slow.estimate().p()).isLessThan(1e-6);
        assertThat(slow.withinNoise()).isFalse();
    }

    @Test
    void theSameCodeTwiceIsWithinNoise() {
        HeadToHead result = HeadToHead.of(List.of("a", "b"), List.of(report("x", 100, 5, 4), report("x", 100, 5, 5)));
        HeadToHead.Versus versus = result.versus().get(0);
        assertThat(versus.withinNoise()).isTrue();
        assertThat(HeadToHeadRenderer.warnings(result))
                .singleElement()
                .asString()
                .contains("may be equally fast")
                .contains("includes 1")
                .contains("Next: more runs with -r");
    }

    @Test
    void moreRunsNarrowTheIntervalOfTheRatio() {
        // The old ± was the runs' spread, which more runs cannot shrink; the interval of the ratio must.
        double[] widths = new double[3];
        int[] runs = {10, 40, 160};
        for (int k = 0; k < runs.length; k++) {
            HeadToHead result = HeadToHead.of(
                    List.of("a", "b"), List.of(report("a", 100, 5, 11, runs[k]), report("b", 103, 5, 12, runs[k])));
            HeadToHead.Versus versus = result.versus().get(0);
            widths[k] = versus.estimate().high() - versus.estimate().low();
        }
        // Four times the runs: about half the width (1/√4), allowing for the sampled spreads.
        assertThat(widths[1]).isBetween(widths[0] * 0.35, widths[0] * 0.7);
        assertThat(widths[2]).isBetween(widths[1] * 0.35, widths[1] * 0.7);
    }

    @Test
    void printsAsHyperfineWithATable() {
        HeadToHead clear = HeadToHead.of(
                List.of("sumLoop(arr)", "Arrays.stream(arr).sum()"),
                List.of(
                        report("sumLoop(arr)", 281_000, 3_000, 6),
                        report("Arrays.stream(arr).sum()", 514_000, 9_000, 7)));
        HeadToHead noisy = HeadToHead.of(
                List.of("a: x + 1", "b"), List.of(report("x + 1", 1.02, 0.05, 8), report("x+1", 1.0, 0.05, 9)));
        List<String> lines = new ArrayList<>(HeadToHeadRenderer.table(clear, 3));
        lines.addAll(HeadToHeadRenderer.summary(clear));
        lines.addAll(HeadToHeadRenderer.warnings(clear));
        lines.add("");
        lines.addAll(HeadToHeadRenderer.table(noisy, 3));
        lines.addAll(HeadToHeadRenderer.summary(noisy));
        lines.addAll(HeadToHeadRenderer.warnings(noisy));
        HeadToHead same = HeadToHead.of(
                List.of("x + 1", "1 + x"), List.of(report("x + 1", 1.0, 0.05, 4), report("1 + x", 1.0, 0.05, 5)));
        lines.add("");
        lines.addAll(HeadToHeadRenderer.table(same, 3));
        lines.addAll(HeadToHeadRenderer.summary(same));
        lines.addAll(HeadToHeadRenderer.warnings(same));
        Golden.assertMatches("compare-head-to-head.txt", lines);
    }

    @Test
    void aHugeRatioIsWrittenWithThreeSignificantDigitsEverywhere() {
        // A snippet folded to nothing against a real one read "8484802.44×" in the table and the summary.
        HeadToHead huge = HeadToHead.of(
                List.of("folded", "real"), List.of(report("a", 0.01, 0.0005, 1), report("b", 84_848.0244, 4, 2)));
        List<String> lines = new ArrayList<>(HeadToHeadRenderer.table(huge, 3));
        lines.addAll(HeadToHeadRenderer.summary(huge));
        assertThat(String.join("\n", lines))
                .containsPattern("\\b8,\\d\\d0,000×")
                .containsPattern("    8,\\d\\d0,000 times faster than 'real'  \\(95% CI 8,\\d\\d0,000–8,\\d\\d0,000;")
                .doesNotContainPattern("\\d{5,}\\.\\d\\d");
    }
}
