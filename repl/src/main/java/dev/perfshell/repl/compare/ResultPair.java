package dev.perfshell.repl.compare;

import dev.perfshell.repl.results.Metric.Direction;

/**
 * One matched result: the two centers and what the comparison concludes.
 *
 * @param baseCenter    the base's centre: the geometric mean of the evidence (engine centres or runs) when a
 *                      test was possible (the mean when a value is not positive), else the file's centre
 * @param changePercent (new − base) / base × 100 of the centers: the metric's own direction, so
 *                      +10% is slower for a time and faster for a throughput
 * @param ciLowPercent  95% interval of the change (Welch's t on the logarithms), in percent; NaN when no test was possible
 * @param ratio         the direction-adjusted ratio: above 1 is worse ({@code new/base} for lower-is-better,
 *                      {@code base/new} for higher-is-better)
 * @param pU            Mann-Whitney U p-value (exact without ties, up to 60 values); NaN when no test was possible
 * @param pT            Welch's t p-value on the logarithms, the verdict's test; NaN when no test was possible
 */
public record ResultPair(
        String name,
        String unit,
        Direction direction,
        double baseCenter,
        double newCenter,
        double changePercent,
        double ciLowPercent,
        double ciHighPercent,
        double ratio,
        double pU,
        double pT,
        Evidence evidence,
        Verdict verdict) {

    public boolean tested() {
        return !Double.isNaN(pU);
    }

    /** What the unit measures: the words for better and worse, and which geometric mean the ratio joins. */
    public UnitKind kind() {
        return UnitKind.of(unit);
    }

    /** Whether the new value is worse than the base one, whatever the direction. */
    public boolean worse() {
        return ratio > 1;
    }
}
