package dev.perfshell.repl.compare;

import dev.perfshell.repl.results.Metric.Direction;
import dev.perfshell.timing.stats.MannWhitney;
import dev.perfshell.timing.stats.RatioEstimate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two results files result by result: matches them ({@link ResultMatcher}), tests each pair on
 * its best evidence ({@link Evidence}, {@link RatioEstimate}), gives a {@link Verdict}, and sums up.
 */
public final class Comparer {
    /**
     * Changes smaller than this (in percent) are called noise even when significant. Calibrated by an A/A
     * experiment on this project's 2-core machine (docs/compare.md, "Calibrating the threshold"): four runs of one
     * build with {@code --forks 3}, compared pairwise (30 results): the significant changes were 5.8% and
     * 10.1%, so 5% would fail 2 of 30 unchanged results, 10% fails 1 of 30 (97% pass). Criterion's 2% is for
     * one process; separate JVMs differ more.
     */
    public static final double DEFAULT_THRESHOLD_PERCENT = 10.0;

    /** Significance level: one minus the intervals' confidence. */
    static final double ALPHA = 1 - RatioEstimate.CONFIDENCE;

    private final double thresholdPercent;
    private final FailOn failOn;

    public Comparer(double thresholdPercent, FailOn failOn) {
        if (!(thresholdPercent >= 0) || Double.isInfinite(thresholdPercent)) {
            throw new IllegalArgumentException("threshold must be a finite number ≥ 0, found " + thresholdPercent);
        }
        this.thresholdPercent = thresholdPercent;
        this.failOn = failOn;
    }

    public Comparison compare(ResultsFile base, ResultsFile candidate) throws CompareException {
        ResultMatcher.Matching matching = ResultMatcher.match(base.results(), candidate.results());
        if (matching.matches().isEmpty()) {
            throw new CompareException(base.name() + " and " + candidate.name() + " have no result in common ("
                    + matching.onlyInBase().size() + " only in " + base.name() + ", "
                    + matching.onlyInNew().size()
                    + " only in " + candidate.name()
                    + "). Next: compare runs of the same script; results match by label, "
                    + "else by magic, source and params");
        }
        List<ResultPair> pairs = new ArrayList<>();
        List<String> notComparable = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int singleEngine = 0;
        for (ResultMatcher.Match match : matching.matches()) {
            MetricBlock b = match.base().metric();
            MetricBlock n = match.candidate().metric();
            String name = match.base().displayName();
            if (!b.name().equals(n.name()) || !b.unit().equals(n.unit()) || b.direction() != n.direction()) {
                notComparable.add(name + ": " + describe(b) + " in " + base.name() + ", " + describe(n) + " in "
                        + candidate.name());
                continue;
            }
            ResultPair pair = pair(name, b, n);
            pairs.add(pair);
            String warned = warnedVerdict(pair, match.base(), base.name(), match.candidate(), candidate.name());
            if (warned != null) notes.add(warned);
            if (!pair.evidence().testable()) {
                notes.add(name + ": " + samples(pair.evidence().base().length) + " in " + base.name() + ", "
                        + samples(pair.evidence().candidate().length) + " in " + candidate.name()
                        + ": no test possible; judged by the threshold alone.");
            } else if (pair.evidence().kind() == Evidence.Kind.RUNS
                    && !pair.evidence().exact()) {
                singleEngine++;
            }
        }
        if (singleEngine > 0) {
            notes.add(
                    0,
                    singleEngine + " of " + pairs.size()
                            + " results were tested on the runs of one engine JVM per side: "
                            + "two engines differ by more than runs within one, so a change there is called inconclusive, not slower or "
                            + "faster. Next: perfshell run --forks 3 for both files.");
        }
        if (base.forks() != candidate.forks()) {
            notes.add(base.name() + " ran " + engines(base.forks()) + " per result, " + candidate.name() + " "
                    + engines(candidate.forks()) + ".");
        }
        int exitCode = pairs.stream().anyMatch(pair -> failOn.fails(pair.verdict())) ? 1 : 0;
        return new Comparison(
                base.name(),
                candidate.name(),
                thresholdPercent,
                failOn,
                distinctNames(pairs),
                names(matching.onlyInBase()),
                names(matching.onlyInNew()),
                notComparable,
                notes,
                EnvironmentCheck.warnings(base, candidate),
                geometricMeans(pairs),
                exitCode);
    }

    /**
     * A verdict that decides (slower, faster) on runs whose own run printed a warning: say so, with the first
     * warning. An A/A pair read "22.81x faster" when every engine of one side wrote to fresh memory while its
     * heap grew (each had warned "The heap was still growing"), and nothing in the comparison showed it.
     */
    private static String warnedVerdict(
            ResultPair pair, ResultsFile.Entry b, String baseName, ResultsFile.Entry n, String candidateName) {
        if (pair.verdict() != Verdict.SLOWER && pair.verdict() != Verdict.FASTER) return null;
        List<String> sides = new ArrayList<>();
        if (!b.warnings().isEmpty()) sides.add(baseName);
        if (!n.warnings().isEmpty()) sides.add(candidateName);
        if (sides.isEmpty()) return null;
        String first = (b.warnings().isEmpty() ? n : b).warnings().get(0);
        int count = b.warnings().size() + n.warnings().size();
        return pair.name() + ": the verdict rests on runs that warned in " + String.join(" and ", sides) + " (" + count
                + (count == 1 ? " warning" : " warnings") + "; first: \"" + abbreviated(first) + "\"). Next: read the "
                + "warnings in the file, and run again where they point to a cause.";
    }

    private static String abbreviated(String warning) {
        return warning.length() <= 120 ? warning : warning.substring(0, 117) + "...";
    }

    /** One geometric mean per unit kind that has a result with a finite ratio. */
    private static List<GeometricMean> geometricMeans(List<ResultPair> pairs) {
        List<GeometricMean> means = new ArrayList<>();
        for (UnitKind kind : UnitKind.values()) {
            double logSum = 0;
            int counted = 0;
            for (ResultPair pair : pairs) {
                if (pair.kind() == kind && pair.ratio() > 0 && Double.isFinite(pair.ratio())) {
                    logSum += Math.log(pair.ratio());
                    counted++;
                }
            }
            if (counted > 0) means.add(new GeometricMean(kind, Math.exp(logSum / counted), counted));
        }
        return means;
    }

    /**
     * One model for every figure of a pair (see {@link RatioEstimate}): the centres are the geometric means of the
     * evidence (engine centres, or runs), the change and its 95% interval come from Welch's t on their logarithms,
     * and the verdict is a function of that interval and the threshold alone. Mann-Whitney's exact p is reported
     * beside it, not voted with it.
     */
    private ResultPair pair(String name, MetricBlock b, MetricBlock n) {
        Evidence evidence = Evidence.of(b, n);
        if (!evidence.testable()) {
            double base = b.center();
            double candidate = n.center();
            double change = relative(candidate - base, base);
            double ratio = directed(b.direction(), base == candidate ? 1 : candidate / base);
            return new ResultPair(
                    name,
                    b.unit(),
                    b.direction(),
                    base,
                    candidate,
                    change,
                    Double.NaN,
                    Double.NaN,
                    ratio,
                    Double.NaN,
                    Double.NaN,
                    evidence,
                    beyondThreshold(change, ratio) ? direction(ratio) : Verdict.WITHIN_NOISE);
        }
        RatioEstimate estimate = RatioEstimate.of(evidence.base(), evidence.candidate());
        double pU = MannWhitney.test(evidence.base(), evidence.candidate()).p();
        double change = estimate.changePercent();
        double ratio = directed(b.direction(), estimate.ratio());
        Verdict verdict;
        if (!estimate.significant()) verdict = Verdict.NO_SIGNIFICANT_CHANGE;
        else if (!beyondThreshold(change, ratio)) verdict = Verdict.WITHIN_NOISE;
        else if (evidence.kind() == Evidence.Kind.RUNS && !evidence.exact()) verdict = Verdict.INCONCLUSIVE;
        else verdict = direction(ratio);
        return new ResultPair(
                name,
                b.unit(),
                b.direction(),
                estimate.baseCentre(),
                estimate.candidateCentre(),
                change,
                estimate.lowPercent(),
                estimate.highPercent(),
                ratio,
                pU,
                estimate.p(),
                evidence,
                verdict);
    }

    /** Above 1 is worse: {@code new/base} for lower-is-better metrics, its inverse for higher-is-better ones. */
    private static double directed(Direction direction, double candidateOverBase) {
        return direction == Direction.LOWER ? candidateOverBase : 1 / candidateOverBase;
    }

    private boolean beyondThreshold(double changePercent, double ratio) {
        return ratio != 1 && Math.abs(changePercent) >= thresholdPercent;
    }

    private static Verdict direction(double ratio) {
        return ratio > 1 ? Verdict.SLOWER : Verdict.FASTER;
    }

    /** {@code difference / base} in percent; from a base of 0 any change is infinite. */
    private static double relative(double difference, double base) {
        if (base == 0) return difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
        return difference / Math.abs(base) * 100;
    }

    private static String describe(MetricBlock metric) {
        return metric.name() + " (" + metric.unit() + ", " + metric.direction().json() + " is better)";
    }

    private static String samples(int count) {
        return count == 1 ? "1 sample" : count + " samples";
    }

    private static String engines(int forks) {
        return forks == 1 ? "1 engine" : forks + " engines";
    }

    private static List<String> names(List<ResultsFile.Entry> entries) {
        return entries.stream().map(ResultsFile.Entry::displayName).toList();
    }

    /** Two rows with one display name (a source measured twice) get {@code (2)}, {@code (3)}… so rows can be told apart. */
    private static List<ResultPair> distinctNames(List<ResultPair> pairs) {
        Map<String, Integer> seen = new HashMap<>();
        List<ResultPair> named = new ArrayList<>();
        for (ResultPair pair : pairs) {
            int nth = seen.merge(pair.name(), 1, Integer::sum);
            named.add(
                    nth == 1
                            ? pair
                            : new ResultPair(
                                    pair.name() + " (" + nth + ")",
                                    pair.unit(),
                                    pair.direction(),
                                    pair.baseCenter(),
                                    pair.newCenter(),
                                    pair.changePercent(),
                                    pair.ciLowPercent(),
                                    pair.ciHighPercent(),
                                    pair.ratio(),
                                    pair.pU(),
                                    pair.pT(),
                                    pair.evidence(),
                                    pair.verdict()));
        }
        return named;
    }
}
