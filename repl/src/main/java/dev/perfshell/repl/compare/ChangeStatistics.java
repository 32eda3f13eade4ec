package dev.perfshell.repl.compare;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The two tests and the interval behind a verdict, on two groups of values (engine centers or runs).
 * Mann-Whitney U makes no assumption about the shape of timings (skewed, with outliers); Welch's t
 * does not assume equal spreads and, unlike U, still reaches p &lt; 0.05 with three engines a side.
 * Both p-values are reported.
 *
 * @param pU          Mann-Whitney U, two-sided (normal approximation, Commons Math 3)
 * @param pT          Welch's t, two-sided
 * @param halfWidth   half the 95% Welch interval of the difference new − base, in the values' unit
 */
record ChangeStatistics(double pU, double pT, double halfWidth) {
    static final double CONFIDENCE = 0.95;

    static ChangeStatistics of(double[] base, double[] candidate) {
        double baseVariance = StatUtils.variance(base) / base.length;
        double candidateVariance = StatUtils.variance(candidate) / candidate.length;
        double standardError2 = baseVariance + candidateVariance;
        double pU = new MannWhitneyUTest().mannWhitneyUTest(base, candidate);
        if (standardError2 == 0) {
            // No spread on either side (e.g. exact byte counts): the difference is exact.
            boolean same = StatUtils.mean(base) == StatUtils.mean(candidate);
            return new ChangeStatistics(pU, same ? 1.0 : 0.0, 0.0);
        }
        double pT = new TTest().tTest(base, candidate);
        // Welch–Satterthwaite degrees of freedom, as TTest uses for its p-value.
        double df = standardError2 * standardError2
                / (baseVariance * baseVariance / (base.length - 1) + candidateVariance * candidateVariance / (candidate.length - 1));
        double t = new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
        return new ChangeStatistics(pU, pT, t * Math.sqrt(standardError2));
    }
}
