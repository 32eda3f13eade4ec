package dev.perfshell.timing.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Where one sample's values lie, with the interval of that centre: the one-sample half of
 * {@link RatioEstimate}'s model, so a result's centre across engines is the figure
 * {@code perfshell compare} compares. Student's t on the logarithms, the centre their back-transformed
 * mean (the geometric mean) and the interval exp(m ± t·s/√n): never below zero, and wider above the
 * centre than below, as timings spread. Values that are not all positive have no logarithm: then the
 * mean and Student's t interval of the values themselves.
 *
 * @param centre the geometric mean (the mean when not all values are positive)
 * @param low    lower bound of the {@link RatioEstimate#CONFIDENCE} interval; NaN with one value
 * @param high   upper bound; NaN with one value
 * @param onLogs whether the model ran on the logarithms
 */
public record CentreEstimate(double centre, double low, double high, boolean onLogs) {
    public static CentreEstimate of(double[] values) {
        if (values.length == 0) throw new IllegalArgumentException("a centre needs at least one value");
        boolean positive = RatioEstimate.allPositive(values);
        double[] v = positive ? RatioEstimate.logs(values) : values;
        double mean = RatioEstimate.mean(v);
        if (values.length < 2) return new CentreEstimate(back(mean, positive), Double.NaN, Double.NaN, positive);
        double sumSquares = 0;
        for (double x : v) sumSquares += (x - mean) * (x - mean);
        double sd = Math.sqrt(sumSquares / (v.length - 1));
        double t = new TDistribution(v.length - 1).inverseCumulativeProbability(1 - (1 - RatioEstimate.CONFIDENCE) / 2);
        double half = t * sd / Math.sqrt(v.length);
        return new CentreEstimate(
                back(mean, positive), back(mean - half, positive), back(mean + half, positive), positive);
    }

    private static double back(double value, boolean onLogs) {
        return onLogs ? Math.exp(value) : value;
    }
}
