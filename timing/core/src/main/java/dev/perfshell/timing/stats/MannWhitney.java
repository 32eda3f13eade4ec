package dev.perfshell.timing.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Mann-Whitney U, two-sided, with the exact null distribution whenever it can be had. Commons Math's
 * {@code MannWhitneyUTest} always uses the normal approximation without continuity or tie correction: for
 * three values a side, fully separated, it returns p = 0.0495, while the exact p is 2/20 = 0.10 (no 3+3
 * rank test can reach 0.05). Here: exact when there are no ties and at most {@link #EXACT_LIMIT} values in
 * all; otherwise the normal approximation with the continuity and tie corrections (as scipy does).
 *
 * @param u     U of the first sample: pairs where it is larger, ties counting one half
 * @param p     two-sided p-value
 * @param exact whether {@code p} comes from the exact distribution
 */
public record MannWhitney(double u, double p, boolean exact) {
    /** Up to this many values in all, the exact distribution's counts fit in a long (C(60, 30) ≈ 1.2e17). */
    public static final int EXACT_LIMIT = 60;

    public static MannWhitney test(double[] first, double[] second) {
        int m = first.length;
        int n = second.length;
        if (m == 0 || n == 0) throw new IllegalArgumentException("Mann-Whitney needs a value on each side");
        double[] all = new double[m + n];
        System.arraycopy(first, 0, all, 0, m);
        System.arraycopy(second, 0, all, m, n);
        Arrays.sort(all);
        double tieSum = tieSum(all);
        double u = rankSum(first, all) - m * (m + 1.0) / 2; // U from the ranks: n log n, where pairs were m·n
        if (tieSum == 0 && m + n <= EXACT_LIMIT) return new MannWhitney(u, exactP((long) u, m, n), true);
        return new MannWhitney(u, normalP(u, m, n, tieSum), false);
    }

    /**
     * The exact two-sided p: twice the smaller tail of U's null distribution, at most 1. The counts of U
     * over the C(m+n, m) equally likely arrangements are the coefficients of the Gaussian binomial
     * [m+n choose m]_q, built one factor (1 − q^(n+i)) / (1 − q^i) at a time so every step is itself a
     * Gaussian binomial with non-negative whole coefficients.
     */
    static double exactP(long u, int m, int n) {
        long[] counts = distribution(m, n);
        long total = 0;
        long below = 0;
        long above = 0;
        for (int k = 0; k < counts.length; k++) {
            total += counts[k];
            if (k <= u) below += counts[k];
            if (k >= u) above += counts[k];
        }
        return Math.min(1.0, 2.0 * Math.min(below, above) / total);
    }

    /** The number of arrangements with U = k, for k = 0 … m·n. */
    static long[] distribution(int m, int n) {
        int small = Math.min(m, n);
        int large = Math.max(m, n);
        long[] c = new long[small * large + 1];
        c[0] = 1;
        for (int i = 1; i <= small; i++) {
            // times (1 − q^(large + i)): from the top down, so each coefficient is read before it changes
            for (int k = c.length - 1; k >= large + i; k--) c[k] -= c[k - large - i];
            // divided by (1 − q^i): the quotient's coefficient k is c[k] + quotient[k − i]
            for (int k = i; k < c.length; k++) c[k] += c[k - i];
        }
        return c;
    }

    /** The sum of {@code first}'s ranks in {@code sorted} (both samples), ties given their average rank. */
    private static double rankSum(double[] first, double[] sorted) {
        double sum = 0;
        for (double a : first) {
            int low = lowerBound(sorted, a);
            int high = lowerBound(sorted, Math.nextUp(a)); // one past the last value equal to a
            sum += (low + 1 + high) / 2.0; // ranks low+1 … high, averaged
        }
        return sum;
    }

    /** The first index whose value is not below {@code value}. */
    private static int lowerBound(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) low = mid + 1;
            else high = mid;
        }
        return low;
    }

    /** Σ (t³ − t) over groups of tied values, in sorted data. */
    private static double tieSum(double[] sorted) {
        double sum = 0;
        int start = 0;
        for (int k = 1; k <= sorted.length; k++) {
            if (k == sorted.length || sorted[k] != sorted[start]) {
                double t = k - start;
                sum += t * t * t - t;
                start = k;
            }
        }
        return sum;
    }

    private static double normalP(double u, int m, int n, double tieSum) {
        double total = m + n;
        double mean = m * (double) n / 2;
        double variance = m * (double) n / 12 * ((total + 1) - tieSum / (total * (total - 1)));
        if (variance <= 0) return 1.0; // every value tied
        double z = (Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
        if (z <= 0) return 1.0;
        return Math.min(1.0, 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-z));
    }
}
