package dev.perfshell.repl.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values as `%results list` prints them: scaled in their unit, never in E notation. */
class MetricTextTest {
    @Test
    void bytesPerOperationAreScaledLikeBytes() {
        assertThat(MetricText.value(264.0593268682259, "bytes/op"))
                .isEqualTo(dev.perfshell.timing.runtime.Units.bytes(264.0593268682259) + "/op");
        assertThat(MetricText.value(3.8586488E7, "bytes/op"))
                .doesNotContain("E")
                .endsWith("/op");
    }

    @Test
    void otherUnitsGetFourSignificantDigitsWithoutExponent() {
        assertThat(MetricText.value(3.8586488E7, "ops/s")).isEqualTo("38590000 ops/s");
        assertThat(MetricText.value(0.000123456, "ops/s")).isEqualTo("0.0001235 ops/s");
        assertThat(MetricText.value(42, "ops/s")).isEqualTo("42 ops/s");
    }

    private static ResultRecord record(String label, String source, java.util.Map<String, Object> params) {
        Metric metric =
                new Metric("time", "ns/op", Metric.Direction.LOWER, new double[] {1}, 1, Double.NaN, Double.NaN);
        return new ResultRecord("timeit", label, source, params, null, 0, java.util.List.of(), metric, null);
    }

    @Test
    void aSweepsRowNamesItsValue() {
        // %results list showed every value of a sweep as the same "linear(n)".
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("runs", 5);
        params.put("param.n", 1000L);
        assertThat(MetricText.name(record(null, "linear(n)", params), 40)).isEqualTo("linear(n) [n=1000]");
        assertThat(MetricText.name(record("lin", "linear(n)", java.util.Map.of("p.size", "10")), 40))
                .isEqualTo("lin [size=10]");
        assertThat(MetricText.name(record(null, "x".repeat(60), java.util.Map.of("param.n", 7)), 40))
                .hasSize(40)
                .endsWith("… [n=7]");
        assertThat(MetricText.name(record(null, "f()", java.util.Map.of("runs", 5)), 40))
                .isEqualTo("f()");
    }
}
