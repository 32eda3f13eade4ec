package dev.perfshell.repl.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.Golden;
import org.junit.jupiter.api.Test;

/** The text and Markdown reports, pinned by golden files, and what they must say. */
class CompareOutputTest {

    private static Comparison fixtures(String base, String candidate) throws CompareException {
        return new Comparer(Comparer.DEFAULT_THRESHOLD_PERCENT, FailOn.REGRESSION)
                .compare(CompareRun.read(base), CompareRun.read(candidate));
    }

    @Test
    void textReport() throws Exception {
        Golden.assertMatches("compare-text.txt", CompareRenderer.render(fixtures("base.json", "new.json")));
    }

    @Test
    void markdownReport() throws Exception {
        Golden.assertMatches("compare-markdown.md", CompareMarkdown.render(fixtures("base.json", "new.json")));
    }

    @Test
    void forkedTextReport() throws Exception {
        Golden.assertMatches(
                "compare-forked.txt", CompareRenderer.render(fixtures("forked-base.json", "forked-new.json")));
    }

    @Test
    void throughputTextReport() throws Exception {
        Golden.assertMatches(
                "compare-throughput.txt",
                CompareRenderer.render(fixtures("throughput-base.json", "throughput-new.json")));
    }

    @Test
    void bytesTextReport() throws Exception {
        Golden.assertMatches(
                "compare-bytes.txt", CompareRenderer.render(fixtures("bytes-base.json", "bytes-new.json")));
    }

    @Test
    void bytesAreMoreOrLessAndKeptOutOfTheTimesGeometricMean() throws Exception {
        Comparison comparison = fixtures("bytes-base.json", "bytes-new.json");
        java.util.List<String> lines = CompareRenderer.render(comparison);
        // memit: compute() 328 B -> 64 B read "5.13x faster" (5.125: 5.12 as every ratio rounds); its geometric mean
        // mixed bytes with the time's 1.5x.
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("memit: compute()")
                        .contains("5.12x less")
                        .endsWith("fewer bytes"));
        assertThat(lines)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("memit: copy()")
                        .contains("2.00x more")
                        .endsWith("more bytes"));
        assertThat(lines)
                .contains(
                        "Geometric mean (time): 1.50x slower (1 result)",
                        "Geometric mean (bytes): 1.60x less (2 results)");
        assertThat(lines)
                .last()
                .asString()
                .isEqualTo(
                        "0 slower, 0 faster, 1 more bytes, 1 fewer bytes, 1 inconclusive, 0 unchanged \u2014 regression beyond 10%: exit 1");
        assertThat(String.join("\n", CompareMarkdown.render(comparison)))
                .contains("| 5.12x less |")
                .contains("**fewer bytes**")
                .contains("Geometric mean (bytes): 1.60x less (2 results)");
    }

    @Test
    void tableColumnsAreAligned() throws Exception {
        var lines = CompareRenderer.render(fixtures("base.json", "new.json"));
        String heading = lines.get(2);
        int verdictColumn = heading.indexOf("Verdict");
        assertThat(verdictColumn).isPositive();
        for (String row : lines.subList(3, 3 + 8)) {
            assertThat(row.substring(verdictColumn))
                    .as(row)
                    .matches(
                            "(slower|faster|inconclusive \\(one engine a side\\)|no significant change|within noise threshold)");
        }
    }

    @Test
    void markdownEscapesWhatWouldBreakATable() {
        assertThat(CompareMarkdown.escape("a | b_c *d* `e`")).isEqualTo("a \\| b\\_c \\*d\\* \\`e\\`");
    }

    @Test
    void valuesAreScaledByUnit() {
        assertThat(CompareFormat.value(12.3, "ns/op")).isEqualTo("12.3 ns");
        assertThat(CompareFormat.value(1234, "ns/op")).isEqualTo("1.23 \u00b5s");
        assertThat(CompareFormat.value(4_560_000, "ns")).isEqualTo("4.56 ms");
        assertThat(CompareFormat.value(1228.8, "bytes")).isEqualTo("1.2 KiB");
        assertThat(CompareFormat.value(24, "bytes")).isEqualTo("24 B");
        assertThat(CompareFormat.value(1500, "ops/s")).isEqualTo("1500 ops/s");
    }

    @Test
    void ratiosSayWhichWayIsBetter() {
        assertThat(CompareFormat.ratio(1.234)).isEqualTo("1.23x slower");
        assertThat(CompareFormat.ratio(1 / 1.1)).isEqualTo("1.10x faster");
        assertThat(CompareFormat.ratio(1.001)).isEqualTo("1.00x");
        assertThat(CompareFormat.ratio(Double.POSITIVE_INFINITY)).isEqualTo("\u221ex slower");
        assertThat(CompareFormat.ratio(8484802.44)).isEqualTo("8,480,000x slower");
        assertThat(CompareFormat.ratio(64 / 328.0, UnitKind.BYTES)).isEqualTo("5.12x less");
        assertThat(CompareFormat.ratio(2, UnitKind.BYTES)).isEqualTo("2.00x more");
        assertThat(CompareFormat.ratio(2, UnitKind.OTHER)).isEqualTo("2.00x worse");
        assertThat(UnitKind.of("bytes/op")).isEqualTo(UnitKind.BYTES);
        assertThat(UnitKind.of("ops/s")).isEqualTo(UnitKind.TIME);
    }
}
