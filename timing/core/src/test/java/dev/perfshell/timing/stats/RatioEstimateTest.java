package dev.perfshell.timing.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Welch's t on logarithms; expected figures from scipy 1.17 ({@code ttest_ind(log(new), log(base), equal_var=False)}). */
class RatioEstimateTest {

    @Test
    void theIssuesWorkedExampleIsNotSignificant() {
        // Engine centres BASE {100, 100.5, 101}, NEW {104, 110, 111}: reported as a significant +0.3%..+18.6% once.
        RatioEstimate estimate = RatioEstimate.of(new double[] {100, 100.5, 101}, new double[] {104, 110, 111});
        assertThat(estimate.ratio()).isCloseTo(1.077508048, within(1e-9));
        assertThat(estimate.p()).isCloseTo(0.06438798886, within(1e-8));
        assertThat(estimate.low()).isCloseTo(0.989348029, within(1e-8));
        assertThat(estimate.high()).isCloseTo(1.173523936, within(1e-8));
        assertThat(estimate.significant()).isFalse();
        assertThat(estimate.onLogs()).isTrue();
    }

    @Test
    void aClearChangeIsSignificantAndItsIntervalSurroundsTheRatio() {
        RatioEstimate estimate =
                RatioEstimate.of(new double[] {10.0, 10.2, 9.9, 10.1, 10.3}, new double[] {11.5, 11.4, 11.9, 11.6});
        assertThat(estimate.ratio()).isCloseTo(1.148479156, within(1e-9));
        assertThat(estimate.p()).isCloseTo(2.2339314e-05, within(1e-10));
        assertThat(estimate.low()).isCloseTo(1.116247128, within(1e-8));
        assertThat(estimate.high()).isCloseTo(1.181641896, within(1e-8));
        assertThat(estimate.significant()).isTrue();
        assertThat(estimate.changePercent()).isCloseTo(14.8479156, within(1e-6));
    }

    @Test
    void centresAreGeometricMeans() {
        RatioEstimate estimate = RatioEstimate.of(new double[] {2, 8}, new double[] {3, 12});
        assertThat(estimate.baseCentre()).isCloseTo(4, within(1e-12));
        assertThat(estimate.candidateCentre()).isCloseTo(6, within(1e-12));
        assertThat(estimate.ratio()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void valuesWithAZeroUseTheMeansAndTheDifferencesInterval() {
        // ttest_ind([16,16,20],[0,4,8], equal_var=False): difference 13.33, interval [5.139, 21.528], p = 0.01317.
        RatioEstimate estimate = RatioEstimate.of(new double[] {0, 4, 8}, new double[] {16, 16, 20});
        assertThat(estimate.onLogs()).isFalse();
        assertThat(estimate.ratio()).isCloseTo(1 + 13.3333333 / 4, within(1e-6));
        assertThat(estimate.low()).isCloseTo(1 + 5.139122854 / 4, within(1e-6));
        assertThat(estimate.high()).isCloseTo(1 + 21.52754381 / 4, within(1e-6));
        assertThat(estimate.p()).isCloseTo(0.01317209307, within(1e-8));
    }

    @Test
    void exactValuesOnBothSidesGiveAnExactDifference() {
        RatioEstimate same = RatioEstimate.of(new double[] {64, 64, 64}, new double[] {64, 64});
        assertThat(same.ratio()).isEqualTo(1.0);
        assertThat(same.significant()).isFalse();
        RatioEstimate more = RatioEstimate.of(new double[] {64, 64}, new double[] {80, 80});
        assertThat(more.ratio()).isCloseTo(1.25, within(1e-12));
        assertThat(more.low()).isCloseTo(1.25, within(1e-12));
        assertThat(more.significant()).isTrue();
        assertThat(RatioEstimate.of(new double[] {0, 0}, new double[] {16, 16}).significant())
                .isTrue();
    }

    @Test
    void moreValuesNarrowTheInterval() {
        // The same two spreads, sampled 5 and then 20 times a side: the interval must narrow (about as 1/√n).
        double[][] five = alternating(5);
        double[][] twenty = alternating(20);
        RatioEstimate few = RatioEstimate.of(five[0], five[1]);
        RatioEstimate many = RatioEstimate.of(twenty[0], twenty[1]);
        assertThat(many.high() - many.low()).isLessThan((few.high() - few.low()) / 2);
    }

    @Test
    void oneValueASideHasNoInterval() {
        assertThatThrownBy(() -> RatioEstimate.of(new double[] {1}, new double[] {2, 3}))
                .hasMessageContaining("two values a side");
    }

    private static double[][] alternating(int n) {
        double[] base = new double[n];
        double[] candidate = new double[n];
        for (int k = 0; k < n; k++) {
            base[k] = k % 2 == 0 ? 9.5 : 10.5;
            candidate[k] = k % 2 == 0 ? 10.5 : 11.5;
        }
        return new double[][] {base, candidate};
    }
}
