package dev.perfshell.repl.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.Golden;
import dev.perfshell.repl.results.SweepFit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SweepRendererTest {
    private static final List<Long> DECADES = List.of(1_000L, 10_000L, 100_000L, 1_000_000L);

    private static SweepFit fit(String name, List<Long> values, double... y) {
        List<Double> measured = new ArrayList<>();
        for (double v : y) measured.add(v);
        return SweepFit.of(name, values, measured, "ns/op");
    }

    @Test
    void prefixesAlignTheFigures() {
        assertThat(SweepRenderer.prefix("n", 10, List.of(10L, 100L, 1000L))).isEqualTo("n=10    ");
        assertThat(SweepRenderer.prefix("n", 1000, List.of(10L, 100L, 1000L))).isEqualTo("n=1000  ");
    }

    @Test
    void theTimingLineCountsInTheRightNumber() {
        assertThat(SweepRenderer.timing("n", 1, true)).isEqualTo("timing 1 value of n, twice...");
        assertThat(SweepRenderer.timing("n", 1, false)).isEqualTo("timing 1 value of n...");
        assertThat(SweepRenderer.timing("size", 5, true))
                .isEqualTo("timing 5 values of size, ascending then descending...");
    }

    @Test
    void fitLinesGolden() {
        List<String> lines = new ArrayList<>();
        lines.add("# linear with a fixed overhead");
        lines.add(SweepRenderer.fit(fit("n", DECADES, 50 + 1e3, 50 + 1e4, 50 + 1e5, 50 + 1e6)));
        lines.add("# n log n, and the parameter's own name");
        lines.add(SweepRenderer.fit(fit("size", DECADES, 6908, 92103, 1151293, 13815511)));
        lines.add("# quadratic");
        lines.add(SweepRenderer.fit(fit("n", List.of(30L, 300L, 3000L), 900, 90_000, 9_000_000)));
        lines.add("# flat");
        lines.add(SweepRenderer.fit(fit("n", List.of(10L, 100L, 1000L, 10000L), 2.51, 2.47, 2.55, 2.49)));
        lines.add("# scatter");
        lines.add(SweepRenderer.fit(fit("n", List.of(10L, 100L, 1000L, 10000L, 100000L), 10, 31, 12, 29, 11)));
        lines.add("# two values");
        lines.add(SweepRenderer.fit(fit("n", List.of(10L, 100L), 1, 10)));
        lines.add("# ambiguous");
        lines.add(SweepRenderer.fit(
                fit("n", List.of(100L, 200L, 400L, 800L, 1600L), 199.6, 474.9, 875.1, 1880.4, 3929.2)));
        Golden.assertMatches("sweep-fit.txt", lines);
    }
}
