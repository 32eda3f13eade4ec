package dev.perfshell.timing.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * How much larger one sample's values are than another's, as a ratio with its confidence interval and
 * the p-value of "no difference": one model, so the figure, its interval and the verdict cannot disagree.
 * <p>
 * The model is Welch's t on the logarithms. Timings are ratios at heart (a change is "10% slower", not
 * "3 ns slower") and skewed to the right; their logarithms are close to symmetric, and a difference of
 * mean logarithms is the logarithm of the ratio of geometric means. Welch's form does not assume equal
 * spreads. The centre reported is that ratio of geometric means, and the interval is
 * exp(d ± t·se) around it, so the interval excludes 1 exactly when p &lt; 1 − confidence. A rank test
 * (see {@link MannWhitney}) cannot decide at three engines a side (its smallest two-sided p is 0.10),
 * which is why the verdict rests on this model and the rank test is shown beside it.
 * <p>
 * Values that are not all positive (a metric that can be 0) have no logarithm: then the model is Welch's
 * t on the values themselves, the centre the ratio of the means, the interval the difference's interval
 * divided by the base mean.
 *
 * @param ratio  candidate's centre over base's (geometric means; means when not all values are positive)
 * @param low    lower bound of the interval of {@code ratio}
 * @param high   upper bound
 * @param p      two-sided p-value of "the same"; 0 or 1 when neither side varies (the difference is exact)
 * @param onLogs whether the model ran on the logarithms
 */
public record RatioEstimate(
        double baseCentre, double candidateCentre, double ratio, double low, double high, double p, boolean onLogs) {
    /** The confidence of every interval perfshell's comparisons print. */
    public static final double CONFIDENCE = 0.95;

    /** The change in percent: +10 is a candidate 10% above the base. */
    public double changePercent() {
        return (ratio - 1) * 100;
    }

    public double lowPercent() {
        return (low - 1) * 100;
    }

    public double highPercent() {
        return (high - 1) * 100;
    }

    /** A difference at the confidence level: the interval leaves out 1 (also when there is no interval: a base of 0). */
    public boolean significant() {
        return p < 1 - CONFIDENCE;
    }

    /** Needs two values a side (a variance each). */
    public static RatioEstimate of(double[] base, double[] candidate) {
        if (base.length < 2 || candidate.length < 2) {
            throw new IllegalArgumentException(
                    "a ratio's interval needs two values a side, found " + base.length + " and " + candidate.length);
        }
        boolean positive = allPositive(base) && allPositive(candidate);
        double[] b = positive ? logs(base) : base;
        double[] c = positive ? logs(candidate) : candidate;
        double meanB = mean(b);
        double meanC = mean(c);
        double seB2 = variance(b, meanB) / b.length;
        double seC2 = variance(c, meanC) / c.length;
        double se2 = seB2 + seC2;
        double baseCentre = positive ? Math.exp(meanB) : meanB;
        double candidateCentre = positive ? Math.exp(meanC) : meanC;
        double difference = meanC - meanB;
        double halfWidth;
        double p;
        if (se2 == 0) {
            halfWidth = 0; // neither side varies (exact counts): the difference is exact
            p = difference == 0 ? 1.0 : 0.0;
        } else {
            // Welch–Satterthwaite degrees of freedom.
            double df = se2 * se2 / (seB2 * seB2 / (b.length - 1) + seC2 * seC2 / (c.length - 1));
            TDistribution t = new TDistribution(null, df);
            halfWidth = t.inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2) * Math.sqrt(se2);
            p = Math.min(1.0, 2 * t.cumulativeProbability(-Math.abs(difference) / Math.sqrt(se2)));
        }
        if (positive) {
            return new RatioEstimate(
                    baseCentre,
                    candidateCentre,
                    Math.exp(difference),
                    Math.exp(difference - halfWidth),
                    Math.exp(difference + halfWidth),
                    p,
                    true);
        }
        if (meanB == 0) {
            double sign = Math.signum(difference);
            return new RatioEstimate(
                    baseCentre,
                    candidateCentre,
                    difference == 0 ? 1 : sign * Double.POSITIVE_INFINITY,
                    Double.NaN,
                    Double.NaN,
                    p,
                    false);
        }
        double scale = Math.abs(meanB);
        return new RatioEstimate(
                baseCentre,
                candidateCentre,
                1 + difference / scale,
                1 + (difference - halfWidth) / scale,
                1 + (difference + halfWidth) / scale,
                p,
                false);
    }

    /** The geometric mean of positive values; the mean when any is not positive (as {@link #of} centres them). */
    public static double geometricMean(double[] values) {
        if (!allPositive(values)) return mean(values);
        return Math.exp(mean(logs(values)));
    }

    static boolean allPositive(double[] values) {
        for (double v : values) if (!(v > 0) || Double.isInfinite(v)) return false;
        return true;
    }

    static double[] logs(double[] values) {
        double[] logs = new double[values.length];
        for (int k = 0; k < values.length; k++) logs[k] = Math.log(values[k]);
        return logs;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return sum / values.length;
    }

    private static double variance(double[] values, double mean) {
        double sum = 0;
        for (double v : values) sum += (v - mean) * (v - mean);
        return sum / (values.length - 1);
    }
}
