package dev.perfshell.timing;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Summary of the per-run times of one {@code %timeit}: one value per run, in nanoseconds per
 * operation. Definitions are pinned so that every figure can be reproduced by hand:
 *
 * <ul>
 *   <li>{@code mean}: arithmetic mean (Commons Math {@code Mean}).</li>
 *   <li>{@code stdev}: <b>population</b> standard deviation (divides by N), as IPython's
 *       {@code TimeitResult.stdev} and its {@code ±}. 0 for one run.</li>
 *   <li>{@code median}: the middle value (mean of the two middle values for an even count).</li>
 *   <li>{@code mad}: median absolute deviation from the median, <b>scaled by 1.4826</b> (a consistent
 *       estimator of σ for normal data, as R's {@code mad()} and hyperfine use).</li>
 *   <li>{@code ciLow}, {@code ciHigh}: the 99.9 % Student-t confidence interval of the mean, computed
 *       exactly as JMH computes its {@code Error} ({@code AbstractStatistics.getMeanErrorAt(0.999)} over a
 *       {@code ListStatistics}): half-width = {@code t(1 - (1 - 0.999) / 2, n - 1) × s / √n} with the
 *       sample standard deviation {@code s} (divides by n − 1), centred on the mean. Like JMH it is NaN
 *       when there are 2 runs or fewer. The arithmetic (plain sum / n mean, Σ(x − m)² / (n − 1)) copies
 *       JMH's, so the half-width matches JMH's printed error to the last digit.</li>
 *   <li>{@code p05}, {@code p95} and the quartiles used for outliers: Commons Math {@code Percentile}
 *       with estimation type {@link Percentile.EstimationType#R_7}: linear interpolation between order
 *       statistics at position {@code 1 + (n − 1)·p}. That is NumPy's default ({@code "linear"}), R's
 *       default (type 7) and Excel's {@code PERCENTILE.INC}, so users can check the numbers in any of
 *       them. With R_7 the 50th percentile is the usual median.</li>
 *   <li>{@code mildOutliers}, {@code severeOutliers}: Tukey's fences on the R_7 quartiles. Mild: outside
 *       [Q1 − 1.5·IQR, Q3 + 1.5·IQR] but inside [Q1 − 3·IQR, Q3 + 3·IQR]; severe: outside the latter.</li>
 * </ul>
 *
 * @param runs           number of runs (values)
 * @param mean           mean, ns/op
 * @param stdev          population standard deviation, ns/op
 * @param median         median, ns/op
 * @param mad            median absolute deviation × 1.4826, ns/op
 * @param min            fastest run, ns/op
 * @param max            slowest run, ns/op
 * @param ciLow          lower end of the confidence interval of the mean (NaN for ≤ 2 runs)
 * @param ciHigh         upper end of the confidence interval of the mean (NaN for ≤ 2 runs)
 * @param ciLevel        confidence level of that interval (0.999)
 * @param p05            5th percentile (R_7)
 * @param p95            95th percentile (R_7)
 * @param mildOutliers   values between the inner and outer Tukey fences
 * @param severeOutliers values beyond the outer Tukey fences
 */
public record RunStatistics(
        int runs,
        double mean,
        double stdev,
        double median,
        double mad,
        double min,
        double max,
        double ciLow,
        double ciHigh,
        double ciLevel,
        double p05,
        double p95,
        int mildOutliers,
        int severeOutliers) {

    /** Confidence level of the interval, JMH's. */
    public static final double CI_LEVEL = 0.999;
    /** Scale that makes the MAD estimate σ for normal data: 1 / Φ⁻¹(3/4). */
    public static final double MAD_SCALE = 1.4826;

    /**
     * @param perOpNanos one value per run, nanoseconds per operation; at least one, all finite
     * @throws IllegalArgumentException for an empty array or a NaN / infinite value
     */
    public static RunStatistics of(double[] perOpNanos) {
        if (perOpNanos == null || perOpNanos.length == 0) {
            throw new IllegalArgumentException("no runs");
        }
        for (double v : perOpNanos) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("run time is not finite: " + v);
        }
        int n = perOpNanos.length;
        DescriptiveStatistics stats = new DescriptiveStatistics(perOpNanos);
        stats.setPercentileImpl(new Percentile().withEstimationType(Percentile.EstimationType.R_7));

        double mean = stats.getMean();
        double stdev = Math.sqrt(stats.getPopulationVariance());
        double median = stats.getPercentile(50);

        double[] deviations = new double[n];
        for (int i = 0; i < n; i++) deviations[i] = Math.abs(perOpNanos[i] - median);
        double mad = MAD_SCALE * r7().evaluate(deviations, 50);

        double[] ci = jmhConfidenceInterval(perOpNanos, CI_LEVEL);

        double q1 = stats.getPercentile(25);
        double q3 = stats.getPercentile(75);
        double iqr = q3 - q1;
        int mild = 0;
        int severe = 0;
        for (double v : perOpNanos) {
            if (v < q1 - 3 * iqr || v > q3 + 3 * iqr) severe++;
            else if (v < q1 - 1.5 * iqr || v > q3 + 1.5 * iqr) mild++;
        }
        return new RunStatistics(
                n,
                mean,
                stdev,
                median,
                mad,
                stats.getMin(),
                stats.getMax(),
                ci[0],
                ci[1],
                CI_LEVEL,
                stats.getPercentile(5),
                stats.getPercentile(95),
                mild,
                severe);
    }

    /** Half-width of the confidence interval (JMH's {@code Error}); NaN for ≤ 2 runs. */
    public double ciHalfWidth() {
        return (ciHigh - ciLow) / 2;
    }

    /**
     * JMH's {@code getConfidenceIntervalAt} / {@code getMeanErrorAt} with {@code ListStatistics}' arithmetic:
     * mean = Σx / n, variance = Σ(x − mean)² / (n − 1), half = t · sd / √n; NaN when n ≤ 2.
     */
    static double[] jmhConfidenceInterval(double[] values, double confidence) {
        int n = values.length;
        if (n <= 2) return new double[] {Double.NaN, Double.NaN};
        double sum = 0;
        for (double v : values) sum += v;
        double mean = sum / n;
        double squares = 0;
        for (double v : values) squares += Math.pow(v - mean, 2);
        double sd = Math.sqrt(squares / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double half = t * sd / Math.sqrt(n);
        return new double[] {mean - half, mean + half};
    }

    private static Percentile r7() {
        return new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    }
}
