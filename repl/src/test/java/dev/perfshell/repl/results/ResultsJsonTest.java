package dev.perfshell.repl.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfshell.repl.Golden;
import dev.perfshell.repl.timeit.TimeDetails;
import dev.perfshell.repl.timeit.TimeitDetails;
import dev.perfshell.timing.TimeitReport;
import dev.perfshell.timing.runtime.OnceTiming;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultsJsonTest {
    static final Tool TOOL = new Tool("perfshell", "0.1.0-test");
    static final ResultsEnvironment ENVIRONMENT = new ResultsEnvironment(
            "17.0.15",
            "OpenJDK 64-Bit Server VM",
            "17.0.15+6-Debian-1deb12u1",
            List.of("-javaagent:perfshell-engine.jar", "-XX:+UseG1GC", "-Xmx2g"),
            List.of("G1 Young Generation", "G1 Old Generation"),
            2_147_483_648L,
            "Linux 6.1.0 amd64",
            "AMD EPYC",
            2);

    /** A fixed store: every kind of record and every null case the schema allows. */
    static ResultsStore fixedStore() {
        ResultsStore store = new ResultsStore();
        TimeitReport sqrt = TimeitReport.of(
                "sqrt",
                "Math.sqrt(x)",
                76_081_238,
                new double[] {2.34, 2.41, 2.35, 2.41, 2.34},
                0.0,
                1_130_000_000L,
                6,
                true,
                List.of());
        store.add(TimeitDetails.record(
                sqrt, "", new TimeitPlan(0, 5, 0, 0, 0, 1), false, new ResultOrigin("bench.jsh", 2)));
        // Two runs: no confidence interval; allocation unknown; slow runs (IPython's warning); every param.
        TimeitReport sort = TimeitReport.of(
                "",
                "Arrays.sort(copy)",
                1_000,
                new double[] {1_250_000.5, 6_000_000.25},
                Double.NaN,
                0,
                10,
                false,
                List.of(dev.perfshell.timing.Finding.of(dev.perfshell.timing.Finding.Kind.OLD_GC, "collections", 2L)));
        store.add(TimeitDetails.record(
                sort,
                "int[] copy = data.clone();",
                new TimeitPlan(500_000_000L, 2, 1_000, 0, 10, 4),
                true,
                new ResultOrigin("lib/sorting.jsh", 14)));
        store.add(TimeDetails.record(
                "fib(30)",
                new OnceTiming(12_345_678, 12_000_000, 10_000, 15_000_000, 1, 3, 120_000_000),
                new ResultOrigin(null, 7)));
        return store;
    }

    @Test
    void fixedStoreMatchesTheGoldenFile() {
        String json = ResultsJson.render(TOOL, ENVIRONMENT, fixedStore().all());
        Golden.assertMatches("results.json", json.lines().toList());
        assertThat(json).endsWith("}\n").doesNotContain("\r");
    }

    @Test
    void readsBackWithTheDocumentedShape() throws Exception {
        JsonNode root = new ObjectMapper()
                .readTree(ResultsJson.render(TOOL, ENVIRONMENT, fixedStore().all()));
        assertThat(root.get("schema").asText()).isEqualTo("perfshell-results/1");
        assertThat(root.fieldNames()).toIterable().containsExactly("schema", "tool", "environment", "results");
        assertThat(root.get("environment").fieldNames())
                .toIterable()
                .containsExactly(
                        "javaVersion",
                        "vmName",
                        "vmVersion",
                        "engineJvmArguments",
                        "gc",
                        "maxHeapBytes",
                        "os",
                        "cpuModel",
                        "cpus");
        JsonNode timeit = root.get("results").get(0);
        assertThat(timeit.fieldNames())
                .toIterable()
                .containsExactly(
                        "magic",
                        "label",
                        "source",
                        "params",
                        "script",
                        "line",
                        "warnings",
                        "metric",
                        "loops",
                        "runs",
                        "perOpNanos",
                        "runsPerOpNanos",
                        "runsLeftOutPerOpNanos",
                        "allocatedBytesPerOp",
                        "findings");
        assertThat(timeit.get("findings")).isEmpty();
        assertThat(timeit.get("metric").get("center").asDouble()).isEqualTo(2.35);
        assertThat(timeit.get("metric").get("samples")).hasSize(5);
        assertThat(timeit.get("perOpNanos").get("ciLevel").asDouble()).isEqualTo(0.999);
        JsonNode sort = root.get("results").get(1);
        assertThat(sort.get("label").isNull()).isTrue();
        assertThat(sort.get("metric").get("ciLow").isNull()).isTrue();
        assertThat(sort.get("perOpNanos").get("ciHigh").isNull()).isTrue();
        assertThat(sort.get("allocatedBytesPerOp").isNull()).isTrue();
        // Each finding: its kind and its facts, as the warning lines say them in words.
        assertThat(sort.get("findings")).hasSize(2);
        assertThat(sort.get("findings").get(0).get("kind").asText()).isEqualTo("slowest-run");
        assertThat(sort.get("findings").get(0).get("ratio").asDouble()).isEqualTo(6_000_000.25 / 1_250_000.5);
        assertThat(sort.get("findings").get(1).get("kind").asText()).isEqualTo("old-gc");
        assertThat(sort.get("findings").get(1).get("collections").asLong()).isEqualTo(2);
        assertThat(sort.get("warnings")).hasSize(2);
        assertThat(sort.get("params").get("fresh").asBoolean()).isTrue();
        assertThat(sort.get("params").get("budgetNanos").isIntegralNumber()).isTrue();
        JsonNode time = root.get("results").get(2);
        assertThat(time.get("script").isNull()).isTrue();
        assertThat(time.get("metric").get("unit").asText()).isEqualTo("ns");
        assertThat(time.get("gcTimeNanos").asLong()).isEqualTo(3_000_000);
    }

    @Test
    void emptyStoreAndUnknownEnvironment() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ResultsJson.render(TOOL, ResultsEnvironment.unknown(), List.of()));
        assertThat(root.get("results")).isEmpty();
        assertThat(root.get("environment").get("javaVersion").isNull()).isTrue();
        assertThat(root.get("environment").get("engineJvmArguments").isNull()).isTrue();
    }

    @Test
    void numbersArePlainShortestAndNullWhenNotFinite() {
        assertThat(JsonValues.number(5.0).toString()).isEqualTo("5.0");
        assertThat(JsonValues.number(12_345_678.9).toString()).isEqualTo("12345678.9");
        assertThat(JsonValues.number(1e-5).toString()).isEqualTo("0.00001");
        assertThat(JsonValues.number(2.3489629245142263).toString()).isEqualTo("2.3489629245142263");
        assertThat(JsonValues.number(Double.NaN).isNull()).isTrue();
        assertThat(JsonValues.number(Double.POSITIVE_INFINITY).isNull()).isTrue();
        String json = ResultsJson.render(TOOL, ENVIRONMENT, fixedStore().all());
        assertThat(json).doesNotContain("E-", "E+", "NaN", "Infinity").doesNotContainPattern("[0-9]E[0-9]");
    }

    @Test
    void aSweepHasItsParameterInParamsAndTheFitOnItsLastResult() throws Exception {
        List<ResultRecord> records = new java.util.ArrayList<>();
        long[] ns = {1_000, 10_000, 100_000, 1_000_000}; // a fit names a class from 4 values
        double[] times = {1_050, 10_050, 100_050, 1_000_050};
        List<Double> medians = new java.util.ArrayList<>();
        for (int i = 0; i < ns.length; i++) {
            TimeitReport report = TimeitReport.of(
                    "", "linear(n)", 100, new double[] {times[i], times[i]}, Double.NaN, 0, 1, true, List.of());
            medians.add(report.stats().median());
            records.add(TimeitDetails.record(
                            report, "", new TimeitPlan(0, 0, 0, 0, 0, 1), false, new ResultOrigin("s.jsh", 3))
                    .withParam("param.n", ns[i]));
        }
        SweepFit fit = SweepFit.of("n", List.of(1_000L, 10_000L, 100_000L, 1_000_000L), medians, "ns/op");
        records.set(3, records.get(3).withComplexity(fit));
        JsonNode results = new ObjectMapper()
                .readTree(ResultsJson.render(TOOL, ENVIRONMENT, records))
                .get("results");
        assertThat(results.get(0).get("params").get("param.n").asLong()).isEqualTo(1_000);
        assertThat(results.get(2).get("params").get("param.n").asLong()).isEqualTo(100_000);
        assertThat(results.get(0).has("complexity")).isFalse();
        JsonNode complexity = results.get(3).get("complexity");
        assertThat(complexity.fieldNames())
                .toIterable()
                .containsExactly(
                        "parameter",
                        "values",
                        "measured",
                        "unit",
                        "verdict",
                        "class",
                        "runnerUp",
                        "exponent",
                        "rSquared",
                        "reason");
        assertThat(complexity.get("parameter").asText()).isEqualTo("n");
        assertThat(complexity.get("values").toString()).isEqualTo("[1000,10000,100000,1000000]");
        assertThat(complexity.get("measured").get(1).asDouble()).isEqualTo(10_050);
        assertThat(complexity.get("verdict").asText()).isEqualTo("fit");
        assertThat(complexity.get("class").asText()).isEqualTo("O(n)");
        assertThat(complexity.get("runnerUp").isNull()).isTrue();
        assertThat(complexity.get("exponent").asDouble()).isBetween(0.98, 1.0);
        assertThat(complexity.get("reason").isNull()).isTrue();
        // a merged --forks record keeps it (the first engine's, like the details)
        ResultRecord merged = ForkMerge.merge(List.of(List.of(records.get(3)), List.of(records.get(3))))
                .get(0);
        assertThat(merged.complexity()).isEqualTo(fit);
    }
}
