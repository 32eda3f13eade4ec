package dev.perfshell.repl.timeit;

import dev.perfshell.repl.Golden;
import dev.perfshell.repl.render.HeadToHeadRenderer;
import dev.perfshell.timing.TimeitReport;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** %compare's statistics and output on fixed, seeded runs. */
class HeadToHeadTest {
    private static TimeitReport report(String source, double center, double spread, long seed) {
        Random random = new Random(seed);
        double[] runs = new double[20];
        for (int i = 0; i < runs.length; i++) runs[i] = center + spread * random.nextGaussian();
        return TimeitReport.of("", source, 1000, runs, Double.NaN, 0, 0, true, List.of());
    }

    @Test
    void theFastestIsNamedAndEachOtherComparedWithIt() {
        HeadToHead result = HeadToHead.of(List.of("slow()", "fast()", "mid()"),
                List.of(report("slow()", 200, 4, 1), report("fast()", 100, 2, 2), report("mid()", 150, 3, 3)));
        assertThat(result.fastest()).isEqualTo(1);
        assertThat(result.bySpeed()).extracting(HeadToHead.Versus::other).containsExactly(2, 0);
        HeadToHead.Versus slow = result.versus().get(0);
        assertThat(slow.other()).isZero();
        assertThat(slow.ratio()).isCloseTo(2.0, within(0.05));
        // hyperfine's propagation with the MADs (about the σ here): 2 × √(0.02² + 0.02²) ≈ 0.057
        assertThat(slow.ratioError()).isCloseTo(0.057, within(0.015));
        assertThat(slow.pU()).isLessThan(1e-6);
        assertThat(slow.pT()).isLessThan(1e-6);
        assertThat(slow.withinNoise()).isFalse();
    }

    @Test
    void theSameCodeTwiceIsWithinNoise() {
        HeadToHead result = HeadToHead.of(List.of("a", "b"), List.of(report("x", 100, 5, 4), report("x", 100, 5, 5)));
        HeadToHead.Versus versus = result.versus().get(0);
        assertThat(versus.withinNoise()).isTrue();
        assertThat(HeadToHeadRenderer.warnings(result)).singleElement().asString()
                .contains("within noise").contains("Next: a larger --budget");
    }

    @Test
    void printsAsHyperfineWithATable() {
        HeadToHead clear = HeadToHead.of(List.of("sumLoop(arr)", "Arrays.stream(arr).sum()"),
                List.of(report("sumLoop(arr)", 281_000, 3_000, 6), report("Arrays.stream(arr).sum()", 514_000, 9_000, 7)));
        HeadToHead noisy = HeadToHead.of(List.of("a: x + 1", "b"), List.of(report("x + 1", 1.02, 0.05, 8), report("x+1", 1.0, 0.05, 9)));
        List<String> lines = new ArrayList<>(HeadToHeadRenderer.table(clear, 3));
        lines.addAll(HeadToHeadRenderer.summary(clear));
        lines.addAll(HeadToHeadRenderer.warnings(clear));
        lines.add("");
        lines.addAll(HeadToHeadRenderer.table(noisy, 3));
        lines.addAll(HeadToHeadRenderer.summary(noisy));
        lines.addAll(HeadToHeadRenderer.warnings(noisy));
        Golden.assertMatches("compare-head-to-head.txt", lines);
    }
}
