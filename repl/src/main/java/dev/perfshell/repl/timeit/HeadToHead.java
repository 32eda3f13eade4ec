package dev.perfshell.repl.timeit;

import dev.perfshell.timing.TimeitReport;
import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.TTest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code %compare}'s verdict: the snippets' results, the fastest (by median), and how much faster it
 * ran than each other, in hyperfine's terms — a ratio with its uncertainty propagated from both
 * spreads — but robust, as {@code %timeit}'s center is: the ratio of the medians, its ± from the
 * MADs (scaled to a standard deviation), so one descheduled run does not swing it. Two tests on the
 * runs: Mann-Whitney U (no assumption about the timings' shape) and Welch's t (no assumption of
 * equal spread).
 *
 * @param names   the snippets' display names, in the order given
 * @param reports their results, in the same order
 * @param fastest the index of the fastest
 * @param versus  one comparison per other snippet, in the order given
 */
public record HeadToHead(List<String> names, List<TimeitReport> reports, int fastest, List<Versus> versus) {
    /** Below this p-value (either test) a difference is called real. */
    public static final double ALPHA = 0.05;

    /**
     * The fastest against one other.
     *
     * @param other      its index
     * @param ratio      other's median / fastest's median (at least 1)
     * @param ratioError hyperfine's propagation with robust spreads: ratio × √((MADf/medf)² + (MADo/medo)²)
     * @param pU         Mann-Whitney U, two-sided
     * @param pT         Welch's t, two-sided
     */
    public record Versus(int other, double ratio, double ratioError, double pU, double pT) {
        /** Neither test sees a difference, or the ratio's uncertainty reaches 1. */
        public boolean withinNoise() {
            return !(pU < ALPHA || pT < ALPHA) || ratio - ratioError <= 1;
        }
    }

    public static HeadToHead of(List<String> names, List<TimeitReport> reports) {
        int fastest = 0;
        for (int k = 1; k < reports.size(); k++) {
            if (reports.get(k).stats().median() < reports.get(fastest).stats().median()) fastest = k;
        }
        TimeitReport best = reports.get(fastest);
        List<Versus> versus = new ArrayList<>();
        for (int k = 0; k < reports.size(); k++) {
            if (k != fastest) versus.add(versus(k, best, reports.get(k)));
        }
        return new HeadToHead(List.copyOf(names), List.copyOf(reports), fastest, List.copyOf(versus));
    }

    private static Versus versus(int other, TimeitReport fast, TimeitReport slow) {
        double ratio = slow.stats().median() / fast.stats().median();
        double relative = Math.hypot(fast.stats().mad() / fast.stats().median(), slow.stats().mad() / slow.stats().median());
        double[] a = fast.perOpNanos();
        double[] b = slow.perOpNanos();
        double pU = new MannWhitneyUTest().mannWhitneyUTest(a, b);
        double pT = a.length < 2 || b.length < 2 || fast.stats().stdev() + slow.stats().stdev() == 0 ? Double.NaN : new TTest().tTest(a, b);
        return new Versus(other, ratio, ratio * relative, pU, pT);
    }

    /** The others, slowest last, as hyperfine lists them. */
    public List<Versus> bySpeed() {
        return versus.stream().sorted(Comparator.comparingDouble(Versus::ratio)).toList();
    }

    /** A snippet's median over the fastest's. */
    public double medianRatio(int index) {
        return reports.get(index).stats().median() / reports.get(fastest).stats().median();
    }
}
