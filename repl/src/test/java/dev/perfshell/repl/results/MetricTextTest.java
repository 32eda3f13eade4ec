package dev.perfshell.repl.results;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Values as `%results list` prints them: scaled in their unit, never in E notation. */
class MetricTextTest {
    @Test
    void bytesPerOperationAreScaledLikeBytes() {
        assertThat(MetricText.value(264.0593268682259, "bytes/op")).isEqualTo(dev.perfshell.timing.Units.bytes(264.0593268682259) + "/op");
        assertThat(MetricText.value(3.8586488E7, "bytes/op")).doesNotContain("E").endsWith("/op");
    }

    @Test
    void otherUnitsGetFourSignificantDigitsWithoutExponent() {
        assertThat(MetricText.value(3.8586488E7, "ops/s")).isEqualTo("38590000 ops/s");
        assertThat(MetricText.value(0.000123456, "ops/s")).isEqualTo("0.0001235 ops/s");
        assertThat(MetricText.value(42, "ops/s")).isEqualTo("42 ops/s");
    }
}
