package dev.perfshell.repl.timeit;

import dev.perfshell.timing.TimeitReport;
import dev.perfshell.timing.stats.MannWhitney;
import dev.perfshell.timing.stats.RatioEstimate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code %compare}'s verdict: the snippets' results, the fastest, and how much faster it ran than each
 * other. One model for every figure (the one {@code perfshell compare} uses): the ratio of the runs'
 * geometric means with the 95% interval of Welch's t on their logarithms ({@link RatioEstimate}); "may be
 * equally fast" exactly when that interval includes 1. The runs are the replication unit here (the
 * snippets share one engine and their runs alternate), so more runs narrow the interval. Mann-Whitney's
 * exact p is shown beside it as a check that assumes nothing about the timings' shape.
 *
 * @param names   the snippets' display names, in the order given
 * @param reports their results, in the same order
 * @param fastest the index of the fastest (the smallest geometric mean of its runs)
 * @param versus  one comparison per other snippet, in the order given
 */
public record HeadToHead(List<String> names, List<TimeitReport> reports, int fastest, List<Versus> versus) {

    /**
     * The fastest against one other.
     *
     * @param other    its index
     * @param estimate other's runs over the fastest's: the ratio (at least 1) and its interval
     * @param pU       Mann-Whitney U, two-sided (exact when it can be)
     */
    public record Versus(int other, RatioEstimate estimate, double pU) {
        public double ratio() {
            return estimate.ratio();
        }

        /** The interval of the ratio includes 1: the runs cannot tell the two apart. */
        public boolean withinNoise() {
            return !estimate.significant();
        }
    }

    public static HeadToHead of(List<String> names, List<TimeitReport> reports) {
        int fastest = 0;
        for (int k = 1; k < reports.size(); k++) {
            if (RatioEstimate.geometricMean(reports.get(k).perOpNanos())
                    < RatioEstimate.geometricMean(reports.get(fastest).perOpNanos())) {
                fastest = k;
            }
        }
        TimeitReport best = reports.get(fastest);
        List<Versus> versus = new ArrayList<>();
        for (int k = 0; k < reports.size(); k++) {
            if (k != fastest) versus.add(versus(k, best, reports.get(k)));
        }
        return new HeadToHead(List.copyOf(names), List.copyOf(reports), fastest, List.copyOf(versus));
    }

    private static Versus versus(int other, TimeitReport fast, TimeitReport slow) {
        double[] a = fast.perOpNanos();
        double[] b = slow.perOpNanos();
        return new Versus(other, RatioEstimate.of(a, b), MannWhitney.test(a, b).p());
    }

    /** The others, slowest last, as hyperfine lists them. */
    public List<Versus> bySpeed() {
        return versus.stream().sorted(Comparator.comparingDouble(Versus::ratio)).toList();
    }

    /** A snippet's centre: the geometric mean of its runs, what every ratio compares. */
    public double center(int index) {
        return RatioEstimate.geometricMean(reports.get(index).perOpNanos());
    }

    /** A snippet's ratio to the fastest (1 for the fastest itself). */
    public double ratioToFastest(int index) {
        return versus.stream()
                .filter(v -> v.other() == index)
                .mapToDouble(Versus::ratio)
                .findFirst()
                .orElse(1.0);
    }
}
