package dev.perfshell.timing.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Exact p-values counted by hand (arrangements of m + n values, C(m+n, m) equally likely; the two-sided p
 * is twice the tail) and checked against scipy 1.17's {@code mannwhitneyu(..., method='exact')}; the
 * tied case against {@code method='asymptotic'} (continuity and tie corrections).
 */
class MannWhitneyTest {

    @Test
    void threeAgainstThreeFullySeparatedIsTwoInTwenty() {
        // The case Commons Math gets wrong (0.0495, normal approximation): only 1 of C(6,3) = 20 arrangements has U =
        // 0.
        MannWhitney test = MannWhitney.test(new double[] {100, 100.5, 101}, new double[] {104, 110, 111});
        assertThat(test.exact()).isTrue();
        assertThat(test.u()).isEqualTo(0);
        assertThat(test.p()).isCloseTo(0.10, within(1e-12));
    }

    @Test
    void fullySeparatedSamplesFromFourToEight() {
        assertThat(MannWhitney.test(new double[] {1, 2, 3, 4}, new double[] {5, 6, 7, 8})
                        .p())
                .isCloseTo(2.0 / 70, within(1e-12));
        assertThat(MannWhitney.test(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10})
                        .p())
                .isCloseTo(2.0 / 252, within(1e-12));
        // 0.000311 (scipy): U = 0 and U = 1 are one arrangement each among C(16, 8) = 12,870.
        assertThat(MannWhitney.test(new double[] {1, 2, 3, 4, 5, 6, 7, 9}, new double[] {8, 10, 11, 12, 13, 14, 15, 16})
                        .p())
                .isCloseTo(0.0003108003108, within(1e-12));
    }

    @Test
    void oneSwappedPairAtSixAndUnequalSizes() {
        // 6+6, U = 1: two arrangements of 924 in the tail, p = 4/924 = 0.004329 (scipy).
        assertThat(MannWhitney.test(new double[] {1, 2, 3, 4, 5, 7}, new double[] {6, 8, 9, 10, 11, 12})
                        .p())
                .isCloseTo(0.004329004329, within(1e-12));
        // 3+4, U = 1: two arrangements of 35, p = 4/35 = 0.1143 (scipy).
        assertThat(MannWhitney.test(new double[] {1, 2, 4}, new double[] {3, 5, 6, 7})
                        .p())
                .isCloseTo(4.0 / 35, within(1e-12));
    }

    @Test
    void interleavedSamplesAreFarFromSignificant() {
        MannWhitney test =
                MannWhitney.test(new double[] {1, 3, 5, 7, 9, 11, 13, 15}, new double[] {2, 4, 6, 8, 10, 12, 14, 16.5});
        assertThat(test.u()).isEqualTo(28);
        assertThat(test.p()).isCloseTo(0.7209013209, within(1e-9));
    }

    @Test
    void tiesUseTheCorrectedNormalApproximation() {
        MannWhitney test = MannWhitney.test(new double[] {1, 2, 2, 3, 4}, new double[] {2, 3, 5, 6, 7});
        assertThat(test.exact()).isFalse();
        assertThat(test.u()).isEqualTo(4.5);
        assertThat(test.p()).isCloseTo(0.1116117683, within(1e-9));
    }

    @Test
    void distributionCountsEveryArrangementOnce() {
        // C(5, 2) = 10 arrangements of 2+3: U = 0,1,2,3,4,5,6 counted 1,1,2,2,2,1,1 (listed by hand).
        assertThat(MannWhitney.distribution(2, 3)).containsExactly(1, 1, 2, 2, 2, 1, 1);
        long total = 0;
        for (long count : MannWhitney.distribution(30, 30)) total += count;
        assertThat(total).isEqualTo(118264581564861424L); // C(60, 30)
    }
}
