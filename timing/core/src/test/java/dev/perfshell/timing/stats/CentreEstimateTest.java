package dev.perfshell.timing.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

/** Figures checked by hand (scipy: t.ppf(0.975, 2) = 4.302652729749462). */
class CentreEstimateTest {
    /**
     * 1000, 2000, 4000: logarithms spaced by ln 2, mean ln 2000, sample sd ln 2; half-width
     * 4.302653 · ln 2 / √3 = 1.721870; interval 2000 · e^∓1.721870 = [357.462, 11189.997].
     */
    @Test
    void geometricMeanAndItsIntervalOnTheLogs() {
        CentreEstimate e = CentreEstimate.of(new double[] {1000, 2000, 4000});
        assertThat(e.onLogs()).isTrue();
        assertThat(e.centre()).isCloseTo(2000, offset(1e-9));
        assertThat(e.low()).isCloseTo(357.46212358947463, offset(1e-6));
        assertThat(e.high()).isCloseTo(11189.99674660294, offset(1e-6));
    }

    /** Three engines of a newcomer's CI try, 1039, 5641 and 1278 ns: what perfshell compare calls their centre. */
    @Test
    void theCentreIsWhatCompareCompares() {
        double[] centres = {1039, 5641, 1278};
        CentreEstimate e = CentreEstimate.of(centres);
        assertThat(e.centre())
                .isCloseTo(1956.594523945172, offset(1e-6))
                .isEqualTo(RatioEstimate.geometricMean(centres));
        assertThat(e.low()).isPositive();
    }

    /** 0, 2, 4 (a metric that can be 0): the mean 2, sd 2, half-width 4.302653 · 2 / √3 = 4.968275. */
    @Test
    void valuesWithAZeroUseTheMean() {
        CentreEstimate e = CentreEstimate.of(new double[] {0, 2, 4});
        assertThat(e.onLogs()).isFalse();
        assertThat(e.centre()).isEqualTo(2);
        assertThat(e.low()).isCloseTo(-2.9682754235006605, offset(1e-9));
        assertThat(e.high()).isCloseTo(6.9682754235006605, offset(1e-9));
    }

    @Test
    void oneValueHasNoInterval() {
        CentreEstimate e = CentreEstimate.of(new double[] {5});
        assertThat(e.centre()).isCloseTo(5, offset(1e-12));
        assertThat(e.low()).isNaN();
        assertThat(e.high()).isNaN();
        assertThatThrownBy(() -> CentreEstimate.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
