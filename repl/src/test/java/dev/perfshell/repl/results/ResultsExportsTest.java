package dev.perfshell.repl.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfshell.repl.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perfshell run --csv / --markdown} fed fixed records, and the JSON of a run in several engines. */
class ResultsExportsTest {

    /** The fixed store of {@link ResultsJsonTest}, plus a record whose source needs quoting and escaping. */
    static List<ResultRecord> records() {
        List<ResultRecord> all = new ArrayList<>(ResultsJsonTest.fixedStore().all());
        Metric bytes = new Metric(
                "allocated", "bytes", Metric.Direction.LOWER, new double[] {1024, 1040}, 1032, Double.NaN, Double.NaN);
        all.add(new ResultRecord(
                "memit",
                "join, \"quoted\" | piped",
                "String.join(\",\", `a`)",
                Map.of(),
                "bench.jsh",
                9,
                List.of(),
                bytes,
                null));
        return all;
    }

    @Test
    void csvMatchesTheGoldenFile() {
        String csv = ResultsCsv.render(records());
        assertThat(csv).startsWith(ResultsCsv.HEADER + "\r\n").endsWith("\r\n");
        Golden.assertMatches(
                "results.csv", List.of(csv.replace("\r\n", "\n").stripTrailing().split("\n", -1)));
    }

    @Test
    void csvQuotesFieldsWithCommasQuotesAndLineBreaks() {
        String csv = ResultsCsv.render(records());
        assertThat(csv).contains("\"join, \"\"quoted\"\" | piped\"");
        assertThat(csv).contains("\"String.join(\"\",\"\", `a`)\"");
        // Exact values, unscaled: the median of Math.sqrt's runs in ns/op.
        assertThat(csv.split("\r\n")[1]).startsWith("1,sqrt,timeit,Math.sqrt(x),bench.jsh,2,time,ns/op,lower,2.35,");
    }

    @Test
    void markdownMatchesTheGoldenFile() {
        String md = ResultsMarkdown.render(records());
        assertThat(md.lines()).allMatch(l -> l.startsWith("|") && l.endsWith("|"));
        assertThat(md).contains("join, \"quoted\" \\| piped").contains("`` String.join(\",\", `a`) ``");
        Golden.assertMatches("results.md", md.lines().toList());
    }

    @Test
    void exportsAreWrittenAtomicallyAndReplaceAnOldFile(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("out.csv");
        Files.writeString(csv, "old");
        ResultsCsv.write(csv, records());
        assertThat(Files.readString(csv)).startsWith(ResultsCsv.HEADER);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.csv");
        }
    }

    @Test
    void aRunInSeveralEnginesKeepsEachEnginesSamples() throws Exception {
        List<ResultRecord> engine1 = ResultsJsonTest.fixedStore().all();
        List<ResultRecord> engine2 =
                List.of(TestRecords.withSamples(engine1.get(0), 3.0, 3.1, 2.9), engine1.get(1), engine1.get(2));
        List<ResultRecord> engine3 = List.of(TestRecords.withSamples(engine1.get(0), 2.6, 2.5, 2.7), engine1.get(1));
        List<ResultRecord> merged = ForkMerge.merge(List.of(engine1, engine2, engine3));
        JsonNode root = new ObjectMapper()
                .readTree(ResultsJson.render(ResultsJsonTest.TOOL, ResultsJsonTest.ENVIRONMENT, merged, 3));
        assertThat(root.fieldNames()).toIterable().containsExactly("schema", "forks", "tool", "environment", "results");
        assertThat(root.get("forks").asInt()).isEqualTo(3);
        JsonNode sqrt = root.get("results").get(0).get("metric");
        assertThat(sqrt.get("forks")).hasSize(3);
        assertThat(sqrt.get("forks").get(1).get("samples")).hasSize(3);
        assertThat(sqrt.get("forks").get(1).get("center").asDouble()).isEqualTo(3.0);
        // Center: the geometric mean of the engines' centers 2.35, 3.0, 2.6: the cube root of 18.33, 2.636660.
        assertThat(sqrt.get("center").asDouble())
                .isCloseTo(Math.cbrt(2.35 * 3.0 * 2.6), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(sqrt.get("samples")).hasSize(5 + 3 + 3);
        assertThat(sqrt.get("ciLow").asDouble()).isLessThan(2.35);
        assertThat(sqrt.get("ciHigh").asDouble()).isGreaterThan(3.0);
        // %time reached by two engines only: two forks.
        assertThat(root.get("results").get(2).get("metric").get("forks")).hasSize(2);
        // One engine: no forks anywhere.
        JsonNode single = new ObjectMapper()
                .readTree(ResultsJson.render(ResultsJsonTest.TOOL, ResultsJsonTest.ENVIRONMENT, engine1));
        assertThat(single.has("forks")).isFalse();
        assertThat(single.get("results").get(0).get("metric").has("forks")).isFalse();
    }

    @Test
    void forkMergeMatchesRepeatedResultsByOccurrence() {
        ResultRecord a = ResultsJsonTest.fixedStore().all().get(0);
        List<ResultRecord> merged = ForkMerge.merge(List.of(
                List.of(TestRecords.withSamples(a, 1, 1), TestRecords.withSamples(a, 2, 2)),
                List.of(TestRecords.withSamples(a, 3, 3), TestRecords.withSamples(a, 4, 4))));
        assertThat(merged).hasSize(2);
        assertThat(merged.get(0).metric().forks())
                .extracting(Metric.EngineSamples::center)
                .containsExactly(1.0, 3.0);
        assertThat(merged.get(1).metric().forks())
                .extracting(Metric.EngineSamples::center)
                .containsExactly(2.0, 4.0);
    }

    /**
     * Engines whose centres are 1000, 2000 and 4000: the merged centre is their geometric mean, 2000, and the
     * interval 2000 · e^∓(t(0.975, 2) · ln 2 / √3) = [357.462, 11189.997] (scipy), what compare's model gives.
     */
    @Test
    void mergedCentreAndIntervalAreTheGeometricMeansAcrossEngines() {
        ResultRecord a = ResultsJsonTest.fixedStore().all().get(0);
        ResultRecord merged = ForkMerge.merge(List.of(
                        List.of(TestRecords.withSamples(a, 1000, 1000)),
                        List.of(TestRecords.withSamples(a, 2000, 2000)),
                        List.of(TestRecords.withSamples(a, 4000, 4000))))
                .get(0);
        assertThat(merged.metric().center()).isCloseTo(2000, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(merged.metric().ciLow()).isCloseTo(357.46212358947463, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(merged.metric().ciHigh()).isCloseTo(11189.99674660294, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(merged.metric().samples()).containsExactly(1000, 1000, 2000, 2000, 4000, 4000);
    }
}
