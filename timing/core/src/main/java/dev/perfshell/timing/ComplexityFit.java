package dev.perfshell.timing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The empirical complexity of a sweep: which of O(1), O(log n), O(n), O(n log n), O(n²), O(n³) best
 * describes measurements {@code y} (time or bytes per operation) taken at sizes {@code n}.
 *
 * <p>Two figures, because each alone misleads:
 * <ul>
 *   <li>the <b>exponent</b>: the slope of log y against log n ({@link SimpleRegression}), with its R².
 *       It is what people quote, but it cannot tell O(n) from O(n log n) (an n log n curve over
 *       10³…10⁶ has slope ≈ 1.1, a linear one with a fixed overhead about 0.9), nor O(1) from O(log n);</li>
 *   <li>the <b>class</b>: each candidate is fitted as {@code y = a·f(n) + b} with {@code a > 0, b ≥ 0}
 *       (a fixed per-call overhead is normal, a negative one is not), by least squares on <em>relative</em>
 *       residuals {@code (y - a·f - b) / y} (timing noise is proportional to the time, so the small n count
 *       as much as the large ones), and the candidate with the smallest relative error wins.</li>
 * </ul>
 * O(1) is chosen when the constant already fits within {@value #FLAT_ERROR} relative error, or when no
 * growth model beats it significantly (an F-test at 5%: the growth models nest the constant) and the
 * log-log line explains little. The verdict is <b>not clear</b> when the best model still misses by more than
 * {@value #MAX_CLEAR_ERROR}, when a growing class has a log-log R² below {@value #MIN_R_SQUARED}, when
 * the runner-up fits almost as well ({@value #AMBIGUOUS_RATIO}×), or when the sweep has fewer than
 * {@value #MIN_POINTS} sizes or spans less than 1.5 decades: then the caller should say "no clear fit"
 * (with the reason) rather than name a class.
 *
 * @param verdict    whether a class was named, clearly or not, or no fit was possible
 * @param best       the closest class, or {@code null} for {@link Verdict#NO_FIT}
 * @param runnerUp   the second-best growth class when the verdict is ambiguous, else {@code null}
 * @param reason     why there is no (clear) fit, or empty
 * @param exponent   the log-log slope; NaN for {@link Verdict#NO_FIT}
 * @param rSquared   R² of the log-log line; NaN for {@link Verdict#NO_FIT}
 * @param candidates every class's fit, in the order of {@link Complexity}
 */
public record ComplexityFit(
        Verdict verdict,
        Complexity best,
        Complexity runnerUp,
        String reason,
        double exponent,
        double rSquared,
        List<Candidate> candidates) {

    /** A growing class must have a log-log R² at least this high to be named clearly. */
    public static final double MIN_R_SQUARED = 0.9;
    /** The best model's relative RMS error above this: no class describes the data well. */
    public static final double MAX_CLEAR_ERROR = 0.25;
    /** The constant fits within this relative RMS error: flat over the measured range, O(1). */
    public static final double FLAT_ERROR = 0.05;
    /** A runner-up within this factor of the best error: ambiguous, always (however small both errors are). */
    public static final double AMBIGUOUS_RATIO = 1.25;
    /** Significance of the growth term against the constant. */
    private static final double GROWTH_P = 0.05;
    /** Spearman's rank correlation from which values that no class fits are a trend, not scatter. */
    private static final double MONOTONE = 0.9;
    /**
     * The largest n must be at least this many times the smallest (1.5 decades) to name a class. Over a
     * narrower range n and n log n (or a constant plus a line) bend alike within timing noise: a copy of this
     * fit called y = 200 + n, measured at 100, 200 and 400 with ±1.5% noise, O(n log n) in 21% of trials.
     */
    public static final double MIN_SPAN = Math.pow(10, 1.5);
    /**
     * Fewest distinct sizes to name a class. Each model has two parameters, so three points leave one residual
     * degree of freedom: one noisy point decides the class.
     */
    public static final int MIN_POINTS = 4;

    public ComplexityFit {
        candidates = List.copyOf(candidates);
        reason = reason == null ? "" : reason;
    }

    public enum Verdict {
        FIT,
        NO_CLEAR_FIT,
        NO_FIT
    }

    /** The candidate classes, simplest first. */
    public enum Complexity {
        CONSTANT(n -> 1),
        LOG(Math::log),
        LINEAR(n -> n),
        N_LOG_N(n -> n * Math.log(n)),
        QUADRATIC(n -> n * n),
        CUBIC(n -> n * n * n);

        private final DoubleUnaryOperator f;

        Complexity(DoubleUnaryOperator f) {
            this.f = f;
        }

        public double f(double n) {
            return f.applyAsDouble(n);
        }

        /** Big-O with the parameter's own name: {@code O(n log n)}, {@code O(size²)}. */
        public String label(String name) {
            return switch (this) {
                case CONSTANT -> "O(1)";
                case LOG -> "O(log " + name + ")";
                case LINEAR -> "O(" + name + ")";
                case N_LOG_N -> "O(" + name + " log " + name + ")";
                case QUADRATIC -> "O(" + name + "\u00b2)";
                case CUBIC -> "O(" + name + "\u00b3)";
            };
        }
    }

    /**
     * One class's fit {@code y = a·f(n) + b}.
     *
     * @param relativeError root mean square of {@code (y - fitted) / y}; infinite when the class cannot fit
     *                      (a growth class whose best {@code a} is not positive)
     */
    public record Candidate(Complexity complexity, double a, double b, double relativeError) {
        boolean valid() {
            return Double.isFinite(relativeError);
        }
    }

    /**
     * @param n sizes, each at least 1, in any order (equal sizes are allowed: repeated measurements)
     * @param y measurements at those sizes, same length
     */
    public static ComplexityFit of(double[] n, double[] y) {
        if (n.length != y.length)
            throw new IllegalArgumentException("n and y differ in length: " + n.length + " vs " + y.length);
        long distinct = java.util.Arrays.stream(n).distinct().count();
        if (distinct < 3) return noFit("a fit needs at least 3 values of the parameter, got " + distinct);
        for (int i = 0; i < n.length; i++) {
            if (!(n[i] >= 1)) throw new IllegalArgumentException("sizes must be at least 1, got " + n[i]);
            if (!(y[i] > 0) || !Double.isFinite(y[i])) {
                return noFit(
                        "the value at " + plain(n[i]) + " is " + plain(y[i]) + " (logarithms need values above 0)");
            }
        }
        double span = max(n) / min(n);
        String tooFew = distinct < MIN_POINTS
                ? String.format(
                        Locale.ROOT,
                        "%d values of the parameter; naming a class takes %d or more (two parameters per model)",
                        distinct,
                        MIN_POINTS)
                : null;

        SimpleRegression logLog = new SimpleRegression();
        for (int i = 0; i < n.length; i++) logLog.addData(Math.log(n[i]), Math.log(y[i]));
        double exponent = logLog.getSlope();
        // All y equal: no variance to explain; R² is undefined, and the data are perfectly flat.
        double rSquared = Double.isNaN(logLog.getRSquare()) ? 0 : logLog.getRSquare();

        List<Candidate> candidates = new ArrayList<>();
        for (Complexity c : Complexity.values()) candidates.add(fit(c, n, y));
        Candidate constant = candidates.get(0);
        Candidate bestGrowth = candidates.stream()
                .skip(1)
                .filter(Candidate::valid)
                .min(Comparator.comparingDouble(Candidate::relativeError))
                .orElse(null);

        if (span < MIN_SPAN || tooFew != null) {
            // Too little data to test growth (one residual degree of freedom with 3 values): the closest class
            // is the best-fitting one, so a doubling at each doubling of n reads "closest O(n)", not O(1);
            // the constant only when it already fits within FLAT_ERROR. The verdict says it is not a clear fit.
            Complexity closest = bestGrowth == null || constant.relativeError() <= FLAT_ERROR
                    ? Complexity.CONSTANT
                    : bestGrowth.complexity();
            String narrow = span < MIN_SPAN
                    ? String.format(
                            Locale.ROOT,
                            "the parameter spans only %.3g\u00d7; classes differ measurably from %.0f\u00d7 (1.5 decades) up",
                            span,
                            MIN_SPAN)
                    : null;
            String reason = tooFew == null ? narrow : narrow == null ? tooFew : tooFew + "; " + narrow;
            return new ComplexityFit(Verdict.NO_CLEAR_FIT, closest, null, reason, exponent, rSquared, candidates);
        }
        boolean flat = bestGrowth == null || constant.relativeError() <= FLAT_ERROR;
        if (!flat && !growthSignificant(constant, bestGrowth, n.length) && rSquared < MIN_R_SQUARED) {
            // No growth model explains much more than the constant, and the log-log line explains little:
            // flat, or scatter without a trend.
            flat = true;
        }
        if (flat) {
            if (constant.relativeError() > MAX_CLEAR_ERROR
                    && bestGrowth != null
                    && Math.abs(new SpearmansCorrelation().correlation(n, y)) >= MONOTONE) {
                // A steady climb (or fall) that no class follows, such as 2ⁿ: not scatter.
                return new ComplexityFit(
                        Verdict.NO_CLEAR_FIT,
                        bestGrowth.complexity(),
                        null,
                        misses(bestGrowth),
                        exponent,
                        rSquared,
                        candidates);
            }
            if (constant.relativeError() > MAX_CLEAR_ERROR) {
                // The growth models fit no significantly better: the constant stays the closest (the simpler model).
                return new ComplexityFit(
                        Verdict.NO_CLEAR_FIT,
                        Complexity.CONSTANT,
                        null,
                        String.format(
                                Locale.ROOT,
                                "the values scatter by %.0f%% RMS with no significant trend",
                                100 * constant.relativeError()),
                        exponent,
                        rSquared,
                        candidates);
            }
            return new ComplexityFit(Verdict.FIT, Complexity.CONSTANT, null, "", exponent, rSquared, candidates);
        }
        if (bestGrowth.relativeError() > MAX_CLEAR_ERROR) {
            return new ComplexityFit(
                    Verdict.NO_CLEAR_FIT,
                    bestGrowth.complexity(),
                    null,
                    misses(bestGrowth),
                    exponent,
                    rSquared,
                    candidates);
        }
        if (rSquared < MIN_R_SQUARED) {
            return new ComplexityFit(
                    Verdict.NO_CLEAR_FIT,
                    bestGrowth.complexity(),
                    null,
                    String.format(Locale.ROOT, "log-log R\u00b2 %.2f is below %.2f", rSquared, MIN_R_SQUARED),
                    exponent,
                    rSquared,
                    candidates);
        }
        Candidate second = candidates.stream()
                .skip(1)
                .filter(Candidate::valid)
                .filter(c -> c != bestGrowth)
                .min(Comparator.comparingDouble(Candidate::relativeError))
                .orElse(null);
        if (second != null && second.relativeError() <= AMBIGUOUS_RATIO * bestGrowth.relativeError()) {
            return new ComplexityFit(
                    Verdict.NO_CLEAR_FIT,
                    bestGrowth.complexity(),
                    second.complexity(),
                    "fit about equally well",
                    exponent,
                    rSquared,
                    candidates);
        }
        return new ComplexityFit(Verdict.FIT, bestGrowth.complexity(), null, "", exponent, rSquared, candidates);
    }

    private static String misses(Candidate closest) {
        return String.format(
                Locale.ROOT,
                "every class misses by over %.0f%% (the best by %.0f%% RMS)",
                100 * MAX_CLEAR_ERROR,
                100 * closest.relativeError());
    }

    private static ComplexityFit noFit(String reason) {
        return new ComplexityFit(Verdict.NO_FIT, null, null, reason, Double.NaN, Double.NaN, List.of());
    }

    /**
     * Least squares of the relative residuals {@code (y - a·f - b) / y}: dividing each row by {@code y}
     * gives an ordinary regression without intercept of {@code 1} on {@code (f/y, 1/y)}. When the best
     * {@code b} is negative the constrained optimum lies on {@code b = 0} (a convex problem with one
     * linear constraint), fitted again with {@code a} alone.
     */
    static Candidate fit(Complexity c, double[] n, double[] y) {
        int m = n.length;
        double[] ones = new double[m];
        java.util.Arrays.fill(ones, 1);
        if (c == Complexity.CONSTANT) {
            // min Σ (1 - b/y)²: b = Σ(1/y) / Σ(1/y²)
            double s1 = 0;
            double s2 = 0;
            for (double v : y) {
                s1 += 1 / v;
                s2 += 1 / (v * v);
            }
            double b = s1 / s2;
            return new Candidate(c, 0, b, relativeError(c, 0, b, n, y));
        }
        // Scaled to at most 1 (f by its largest value, y by the largest y), so the columns of a cubic
        // over 10⁶ (10¹⁸) and the intercept's stay within a few orders of each other for the QR solve.
        double fMax = 0;
        double yMax = 0;
        for (int i = 0; i < m; i++) {
            fMax = Math.max(fMax, c.f(n[i]));
            yMax = Math.max(yMax, y[i]);
        }
        double[][] x = new double[m][2];
        for (int i = 0; i < m; i++) {
            x[i][0] = c.f(n[i]) / fMax / (y[i] / yMax);
            x[i][1] = 1 / (y[i] / yMax);
        }
        double a;
        double b;
        try {
            double[] ab = regress(ones, x);
            a = ab[0];
            b = ab[1];
        } catch (IllegalArgumentException degenerate) { // commons-math3 SingularMatrixException is one
            a = Double.NaN;
            b = -1;
        }
        if (!(b >= 0)) {
            double[][] only = new double[m][1];
            for (int i = 0; i < m; i++) only[i][0] = x[i][0];
            try {
                a = regress(ones, only)[0];
            } catch (IllegalArgumentException degenerate) { // commons-math3 SingularMatrixException is one
                a = Double.NaN;
            }
            b = 0;
        }
        a = a * yMax / fMax;
        b = b * yMax;
        if (!(a > 0)) return new Candidate(c, a, b, Double.POSITIVE_INFINITY);
        return new Candidate(c, a, b, relativeError(c, a, b, n, y));
    }

    private static double[] regress(double[] target, double[][] x) {
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(target, x);
        return ols.estimateRegressionParameters();
    }

    private static double relativeError(Complexity c, double a, double b, double[] n, double[] y) {
        double sum = 0;
        for (int i = 0; i < n.length; i++) {
            double r = (y[i] - (a * c.f(n[i]) + b)) / y[i];
            sum += r * r;
        }
        return Math.sqrt(sum / n.length);
    }

    /**
     * The growth model explains significantly more than the constant: an F-test of the one extra
     * parameter on the relative residual sums of squares. With 3 points there is 1 residual degree of
     * freedom, so only a near-exact growth curve passes, as it should.
     */
    private static boolean growthSignificant(Candidate constant, Candidate growth, int m) {
        if (m < 3) return false;
        double rss0 = constant.relativeError() * constant.relativeError() * m;
        double rss1 = growth.relativeError() * growth.relativeError() * m;
        if (rss1 <= 1e-300) return rss0 > 1e-300;
        double f = (rss0 - rss1) / (rss1 / (m - 2));
        if (f <= 0) return false;
        double p = 1 - new FDistribution(1, m - 2).cumulativeProbability(f);
        return p < GROWTH_P;
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(Double.NaN);
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
