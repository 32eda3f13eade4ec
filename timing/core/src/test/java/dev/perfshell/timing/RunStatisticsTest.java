package dev.perfshell.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Hand-computed statistics; the definitions are in {@link RunStatistics}'s documentation. */
class RunStatisticsTest {

    @Test
    void smallSampleWithOneSevereOutlier() {
        RunStatistics s = RunStatistics.of(new double[] {1, 2, 3, 4, 100});
        assertThat(s.runs()).isEqualTo(5);
        assertThat(s.mean()).isEqualTo(22.0);
        // population: deviations -21 -20 -19 -18 78, squares sum 7610, / 5 = 1522
        assertThat(s.stdev()).isCloseTo(Math.sqrt(1522), within(1e-12)).isCloseTo(39.0128184, within(1e-6));
        assertThat(s.median()).isEqualTo(3.0);
        // |x - 3| = 2 1 0 1 97 -> median 1 -> × 1.4826
        assertThat(s.mad()).isEqualTo(1.4826);
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(100.0);
        // R_7: p5 at position 1 + 4·0.05 = 1.2 -> 1 + 0.2·(2 - 1); p95 at 4.8 -> 4 + 0.8·(100 - 4)
        assertThat(s.p05()).isCloseTo(1.2, within(1e-12));
        assertThat(s.p95()).isCloseTo(80.8, within(1e-12));
        // Q1 = 2, Q3 = 4, IQR 2: inner fences [-1, 7], outer [-4, 10]; 100 is severe
        assertThat(s.mildOutliers()).isZero();
        assertThat(s.severeOutliers()).isEqualTo(1);
        // sample sd sqrt(7610 / 4) = 43.6176570; half = t(0.9995, 4) 8.610302 × 43.6176570 / √5 = 167.956
        assertThat(s.ciLevel()).isEqualTo(0.999);
        assertThat(s.ciHalfWidth()).isCloseTo(167.956, within(0.001));
        assertThat(s.ciLow()).isCloseTo(22 - 167.956, within(0.001));
        assertThat(s.ciHigh()).isCloseTo(22 + 167.956, within(0.001));
    }

    @Test
    void mildOutlierBetweenTheFences() {
        // Q1 = 2, Q3 = 4, IQR 2: 8 is above the inner fence 7 and below the outer fence 10
        RunStatistics s = RunStatistics.of(new double[] {1, 2, 3, 4, 8});
        assertThat(s.mildOutliers()).isEqualTo(1);
        assertThat(s.severeOutliers()).isZero();
        RunStatistics both = RunStatistics.of(new double[] {-20, 1, 2, 3, 4, 8});
        // R_7 on 6 values: Q1 at position 2.25 -> 1 + 0.25·1 = 1.25, Q3 at 4.75 -> 3 + 0.75·1 = 3.75, IQR 2.5
        // inner fences [-2.5, 7.5], outer [-6.25, 11.25]: 8 mild, -20 severe
        assertThat(both.mildOutliers()).isEqualTo(1);
        assertThat(both.severeOutliers()).isEqualTo(1);
        assertThat(both.median()).isEqualTo(2.5);
    }

    @Test
    void evenCountMedianAndMad() {
        RunStatistics s = RunStatistics.of(new double[] {4, 1, 3, 2});
        assertThat(s.median()).isEqualTo(2.5);
        // |x - 2.5| = 1.5 1.5 0.5 0.5 -> median 1.0
        assertThat(s.mad()).isEqualTo(1.4826);
        assertThat(s.stdev()).isCloseTo(Math.sqrt(1.25), within(1e-15)); // population: 5 / 4
    }

    @Test
    void reproducesJmhPrintedError() {
        // JMH prints "6.219 ±(99.9%) 0.011 ns/op" for these five iterations:
        // sample sd = sqrt(34e-6 / 4) = 0.00291548, error = 8.610302 × 0.00291548 / √5 = 0.0112265
        double[] iterations = {6.220, 6.215, 6.223, 6.218, 6.219};
        RunStatistics s = RunStatistics.of(iterations);
        assertThat(s.ciHalfWidth()).isCloseTo(0.0112265, within(1e-6));
        assertThat(String.format(Locale.ROOT, "%.3f ±(99.9%%) %.3f ns/op", s.mean(), s.ciHalfWidth()))
                .isEqualTo("6.219 ±(99.9%) 0.011 ns/op");

        // 7 runs: t(0.9995, 6) = 5.958816; sd of 10..16 = 2.1602469; half = 4.865353
        RunStatistics seven = RunStatistics.of(new double[] {10, 11, 12, 13, 14, 15, 16});
        assertThat(seven.ciHalfWidth()).isCloseTo(4.865353, within(1e-5));
        assertThat(seven.ciLow()).isCloseTo(13 - 4.865353, within(1e-5));

        // 3 runs: t(0.9995, 2) = 31.599055; sd of 1, 2, 3 = 1; half = 31.599055 / √3 = 18.243724
        assertThat(RunStatistics.of(new double[] {1, 2, 3}).ciHalfWidth()).isCloseTo(18.243724, within(1e-5));
    }

    @Test
    void jmhArithmeticIsCopiedBitForBit() {
        Random random = new Random(42);
        for (int trial = 0; trial < 50; trial++) {
            double[] values = new double[3 + random.nextInt(30)];
            for (int i = 0; i < values.length; i++) values[i] = 5 + random.nextGaussian() * 0.3;
            // JMH ListStatistics + AbstractStatistics.getMeanErrorAt(0.999), written out
            double sum = 0;
            for (double v : values) sum += v;
            double mean = sum / values.length;
            double var = 0;
            for (double v : values) var += Math.pow(v - mean, 2);
            double sd = Math.sqrt(var / (values.length - 1));
            double a = new org.apache.commons.math3.distribution.TDistribution(values.length - 1)
                    .inverseCumulativeProbability(1 - (1 - 0.999) / 2);
            double error = a * sd / Math.sqrt(values.length);
            RunStatistics s = RunStatistics.of(values);
            assertThat(s.ciLow()).isEqualTo(mean - error);
            assertThat(s.ciHigh()).isEqualTo(mean + error);
        }
    }

    @Test
    void oneRun() {
        RunStatistics s = RunStatistics.of(new double[] {50.2e6});
        assertThat(s.runs()).isEqualTo(1);
        assertThat(s.mean()).isEqualTo(50.2e6);
        assertThat(s.stdev()).isZero();
        assertThat(s.median()).isEqualTo(50.2e6);
        assertThat(s.mad()).isZero();
        assertThat(s.min()).isEqualTo(50.2e6);
        assertThat(s.max()).isEqualTo(50.2e6);
        assertThat(s.ciLow()).isNaN();
        assertThat(s.ciHigh()).isNaN();
        assertThat(s.ciHalfWidth()).isNaN();
        assertThat(s.p05()).isEqualTo(50.2e6);
        assertThat(s.p95()).isEqualTo(50.2e6);
        assertThat(s.mildOutliers()).isZero();
        assertThat(s.severeOutliers()).isZero();
    }

    @Test
    void twoRunsHaveNoIntervalLikeJmh() {
        RunStatistics s = RunStatistics.of(new double[] {1, 3});
        assertThat(s.ciLow()).isNaN();
        assertThat(s.ciHigh()).isNaN();
        assertThat(s.stdev()).isEqualTo(1.0);
        assertThat(s.median()).isEqualTo(2.0);
    }

    @Test
    void allEqualValues() {
        RunStatistics s = RunStatistics.of(new double[] {7.5, 7.5, 7.5, 7.5, 7.5, 7.5, 7.5});
        assertThat(s.mean()).isEqualTo(7.5);
        assertThat(s.stdev()).isZero();
        assertThat(s.mad()).isZero();
        assertThat(s.median()).isEqualTo(7.5);
        assertThat(s.ciLow()).isEqualTo(7.5);
        assertThat(s.ciHigh()).isEqualTo(7.5);
        assertThat(s.p05()).isEqualTo(7.5);
        assertThat(s.p95()).isEqualTo(7.5);
        assertThat(s.mildOutliers() + s.severeOutliers()).isZero();
    }

    @Test
    void rejectsEmptyAndNonFinite() {
        assertThatThrownBy(() -> RunStatistics.of(new double[0])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunStatistics.of(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunStatistics.of(new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunStatistics.of(new double[] {1, Double.POSITIVE_INFINITY}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void doesNotReorderTheCallersArray() {
        double[] values = {3, 1, 2};
        RunStatistics.of(values);
        assertThat(values).containsExactly(3, 1, 2);
    }
}
