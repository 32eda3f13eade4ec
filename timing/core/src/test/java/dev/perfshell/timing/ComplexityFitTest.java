package dev.perfshell.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.perfshell.timing.ComplexityFit.Complexity;
import dev.perfshell.timing.ComplexityFit.Verdict;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ComplexityFitTest {
    private static final double[] DECADES = {1e3, 1e4, 1e5, 1e6};
    private static final double[] SEVEN = {10, 100, 1e3, 1e4, 1e5, 1e6, 1e7};

    private static double[] curve(double[] n, DoubleUnaryOperator f) {
        double[] y = new double[n.length];
        for (int i = 0; i < n.length; i++) y[i] = f.applyAsDouble(n[i]);
        return y;
    }

    /** Multiplicative noise: each value times a factor uniform in [1 - share, 1 + share]. */
    private static double[] noisy(double[] y, double share, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) out[i] *= 1 + share * (2 * random.nextDouble() - 1);
        return out;
    }

    @ParameterizedTest
    @EnumSource(Complexity.class)
    void exactCurvesAreNamedClearly(Complexity c) {
        double[] n = c == Complexity.CUBIC ? new double[] {10, 100, 1000, 10000} : DECADES;
        ComplexityFit fit = ComplexityFit.of(n, curve(n, v -> 3 * c.f(v)));
        assertThat(fit.verdict()).as(fit.toString()).isEqualTo(Verdict.FIT);
        assertThat(fit.best()).isEqualTo(c);
    }

    @ParameterizedTest
    @EnumSource(Complexity.class)
    void aFixedOverheadDoesNotHideTheClass(Complexity c) {
        // 50 ns of call overhead, the growth term equal to it at the smallest size.
        double[] n = c == Complexity.CUBIC ? new double[] {10, 100, 1000, 10000} : SEVEN;
        double scale = c == Complexity.CONSTANT ? 0 : 50 / c.f(n[0]);
        ComplexityFit fit = ComplexityFit.of(n, curve(n, v -> 50 + scale * c.f(v)));
        assertThat(fit.verdict()).as(fit.toString()).isEqualTo(Verdict.FIT);
        assertThat(fit.best()).as(fit.toString()).isEqualTo(c);
    }

    @Test
    void theExponentIsTheLogLogSlope() {
        ComplexityFit linear = ComplexityFit.of(DECADES, curve(DECADES, v -> 2 * v));
        assertThat(linear.exponent()).isCloseTo(1.0, within(1e-9));
        assertThat(linear.rSquared()).isCloseTo(1.0, within(1e-9));
        ComplexityFit square = ComplexityFit.of(DECADES, curve(DECADES, v -> v * v));
        assertThat(square.exponent()).isCloseTo(2.0, within(1e-9));
        // n log n over 10³…10⁶ reads a little above 1: why the slope alone is not the class
        ComplexityFit nLogN = ComplexityFit.of(DECADES, curve(DECADES, v -> v * Math.log(v)));
        assertThat(nLogN.exponent()).isBetween(1.05, 1.2);
        assertThat(nLogN.best()).isEqualTo(Complexity.N_LOG_N);
    }

    @Test
    void noisyCurvesWithAFixedSeed() {
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(ComplexityFit.of(SEVEN, noisy(curve(SEVEN, v -> 5 + v), 0.05, seed))
                            .best())
                    .as("linear, seed %d", seed)
                    .isEqualTo(Complexity.LINEAR);
            assertThat(ComplexityFit.of(DECADES, noisy(curve(DECADES, v -> v * Math.log(v)), 0.05, seed))
                            .best())
                    .as("n log n, seed %d", seed)
                    .isEqualTo(Complexity.N_LOG_N);
            assertThat(ComplexityFit.of(DECADES, noisy(curve(DECADES, v -> v * v), 0.10, seed))
                            .best())
                    .as("n², seed %d", seed)
                    .isEqualTo(Complexity.QUADRATIC);
            ComplexityFit flat = ComplexityFit.of(SEVEN, noisy(curve(SEVEN, v -> 2.5), 0.08, seed));
            assertThat(flat.best()).as("constant, seed %d: %s", seed, flat).isEqualTo(Complexity.CONSTANT);
            assertThat(flat.verdict()).isEqualTo(Verdict.FIT);
            assertThat(flat.exponent()).isBetween(-0.1, 0.1);
        }
    }

    @Test
    void binarySearchLikeGrowthIsLogarithmic() {
        double[] n = {16, 256, 4096, 65536, 1 << 20};
        ComplexityFit fit = ComplexityFit.of(n, noisy(curve(n, v -> 2 + 1.5 * Math.log(v)), 0.02, 7));
        assertThat(fit.best()).as(fit.toString()).isEqualTo(Complexity.LOG);
        assertThat(fit.verdict()).isEqualTo(Verdict.FIT);
    }

    @Test
    void scatterWithoutTrendIsNoClearFit() {
        double[] y = {10, 31, 12, 29, 11, 30, 10};
        ComplexityFit fit = ComplexityFit.of(SEVEN, y);
        assertThat(fit.verdict()).as(fit.toString()).isEqualTo(Verdict.NO_CLEAR_FIT);
        assertThat(fit.rSquared()).isLessThan(0.2);
        // no growth model fits significantly better: the simpler one stays the closest
        assertThat(fit.best()).isEqualTo(Complexity.CONSTANT);
        assertThat(fit.reason()).matches("the values scatter by \\d+% RMS with no significant trend");
    }

    @Test
    void aCurveNoClassDescribesIsNoClearFit() {
        // exponential: every polynomial class misses by far
        double[] n = {1, 5, 10, 20, 30, 40};
        ComplexityFit fit = ComplexityFit.of(n, curve(n, v -> Math.pow(2, v)));
        assertThat(fit.verdict()).as(fit.toString()).isEqualTo(Verdict.NO_CLEAR_FIT);
        assertThat(fit.reason()).startsWith("every class misses by over 25%");
    }

    @Test
    void twoClassesThatFitAlikeAreAmbiguous() {
        // Between n and n log n over 32× with ±10% noise: some seeds cannot tell them apart. Whatever the
        // seed, a class is named only when the runner-up fits clearly worse; else the runner-up is reported.
        double[] n = {100, 200, 400, 800, 1600, 3200};
        int ambiguous = 0;
        for (long seed = 1; seed <= 40; seed++) {
            ComplexityFit fit = ComplexityFit.of(n, noisy(curve(n, v -> v * Math.sqrt(Math.log(v))), 0.10, seed));
            double[] errors = fit.candidates().stream()
                    .skip(1)
                    .mapToDouble(ComplexityFit.Candidate::relativeError)
                    .sorted()
                    .toArray();
            if (fit.verdict() == Verdict.FIT) {
                assertThat(errors[1]).as(fit.toString()).isGreaterThan(ComplexityFit.AMBIGUOUS_RATIO * errors[0]);
            } else {
                ambiguous++;
                assertThat(fit.runnerUp()).as(fit.toString()).isNotNull();
                assertThat(fit.reason()).isEqualTo("fit about equally well");
                assertThat(errors[1]).isLessThanOrEqualTo(ComplexityFit.AMBIGUOUS_RATIO * errors[0]);
            }
            assertThat(fit.best()).as(fit.toString()).isIn(Complexity.LINEAR, Complexity.N_LOG_N);
        }
        assertThat(ambiguous).isGreaterThan(0);
    }

    @Test
    void tooFewValuesOrTooNarrowARange() {
        ComplexityFit two = ComplexityFit.of(new double[] {10, 100}, new double[] {1, 10});
        assertThat(two.verdict()).isEqualTo(Verdict.NO_FIT);
        assertThat(two.best()).isNull();
        assertThat(two.reason()).isEqualTo("a fit needs at least 3 values of the parameter, got 2");
        ComplexityFit repeated = ComplexityFit.of(new double[] {10, 10, 100, 100}, new double[] {1, 1, 10, 10});
        assertThat(repeated.verdict()).isEqualTo(Verdict.NO_FIT);
        ComplexityFit narrow = ComplexityFit.of(new double[] {100, 150, 200, 250}, new double[] {100, 150, 200, 250});
        assertThat(narrow.verdict()).isEqualTo(Verdict.NO_CLEAR_FIT);
        assertThat(narrow.reason())
                .isEqualTo(
                        "the parameter spans only 2.50\u00d7; classes differ measurably from 32\u00d7 (1.5 decades) up");
        assertThat(narrow.best()).isEqualTo(Complexity.LINEAR);
        ComplexityFit three = ComplexityFit.of(new double[] {10, 1000, 100_000}, new double[] {10, 1000, 100_000});
        assertThat(three.verdict()).isEqualTo(Verdict.NO_CLEAR_FIT);
        assertThat(three.reason())
                .isEqualTo("3 values of the parameter; naming a class takes 4 or more (two parameters per model)");
        // The nested loop of a sweep at 100, 200, 400 (y = n², slope 2 by hand: log(160000/10000)/log(4) = 2):
        // not a clear fit with three values, but the closest class is the quadratic one, not O(1).
        ComplexityFit quadratic =
                ComplexityFit.of(new double[] {100, 200, 400}, new double[] {10_000, 40_000, 160_000});
        assertThat(quadratic.verdict()).isEqualTo(Verdict.NO_CLEAR_FIT);
        assertThat(quadratic.best()).isEqualTo(Complexity.QUADRATIC);
        assertThat(quadratic.exponent()).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
        // Within 5% of its mean at every value (mean 100, deviations 2, 1, 3: RMS 2.2%): still O(1).
        ComplexityFit flatThree = ComplexityFit.of(new double[] {100, 200, 400}, new double[] {98, 101, 101});
        assertThat(flatThree.best()).isEqualTo(Complexity.CONSTANT);
        ComplexityFit both = ComplexityFit.of(new double[] {100, 200, 400}, new double[] {300, 400, 600});
        assertThat(both.reason())
                .startsWith("3 values of the parameter; ")
                .contains("; the parameter spans only 4.00\u00d7");
    }

    /**
     * The Monte-Carlo check that found three-point sweeps mislabelled: y = 200 + n (a line with a fixed cost)
     * with uniform noise of ±3% of y, 2,000 seeds. A mislabel is a clear fit (verdict FIT) naming a class other than
     * O(n). Three points at 100, 200, 400 used to say O(n log n) in 35% of trials at this noise.
     */
    @Test
    void aNoisyLineIsNotMislabelledOnThreeOrFourPoints() {
        double[][] sweeps = {
            {100, 200, 400},
            {100, 1000, 10_000},
            {100, 200, 400, 800},
            {100, 1000, 10_000, 100_000},
            {10, 100, 1000, 10_000},
            {100, 400, 1600, 6400}
        };
        for (double[] n : sweeps) {
            int mislabelled = 0;
            int named = 0;
            int trials = 2000;
            for (long seed = 1; seed <= trials; seed++) {
                ComplexityFit fit = ComplexityFit.of(n, noisy(curve(n, v -> 200 + v), 0.03, seed));
                if (fit.verdict() != Verdict.FIT) continue;
                named++;
                if (fit.best() != Complexity.LINEAR) mislabelled++;
            }
            System.out.printf(
                    java.util.Locale.ROOT,
                    "complexity Monte-Carlo n=%s: %d of %d mislabelled (%.1f%%), %d named%n",
                    java.util.Arrays.toString(n),
                    mislabelled,
                    trials,
                    100.0 * mislabelled / trials,
                    named);
            assertThat(mislabelled)
                    .as("mislabels on %s", java.util.Arrays.toString(n))
                    .isLessThanOrEqualTo(trials / 20);
        }
    }

    @Test
    void aZeroValueCannotBeFitted() {
        ComplexityFit fit = ComplexityFit.of(DECADES, new double[] {0, 16, 160, 1600});
        assertThat(fit.verdict()).isEqualTo(Verdict.NO_FIT);
        assertThat(fit.reason()).isEqualTo("the value at 1000 is 0 (logarithms need values above 0)");
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> ComplexityFit.of(new double[] {1, 2, 3}, new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ComplexityFit.of(new double[] {0, 2, 3}, new double[] {1, 2, 3}))
                .hasMessageContaining("at least 1");
    }

    @Test
    void candidatesKeepTheirCoefficients() {
        ComplexityFit fit = ComplexityFit.of(DECADES, curve(DECADES, v -> 7 + 0.5 * v));
        ComplexityFit.Candidate linear = fit.candidates().get(Complexity.LINEAR.ordinal());
        assertThat(linear.a()).isCloseTo(0.5, within(1e-6));
        assertThat(linear.b()).isCloseTo(7, within(1e-3));
        assertThat(linear.relativeError()).isLessThan(1e-9);
    }

    @Test
    void labelsUseTheParameterName() {
        assertThat(Complexity.N_LOG_N.label("n")).isEqualTo("O(n log n)");
        assertThat(Complexity.QUADRATIC.label("size")).isEqualTo("O(size\u00b2)");
        assertThat(Complexity.CONSTANT.label("n")).isEqualTo("O(1)");
    }
}
