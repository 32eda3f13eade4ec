package dev.perfshell.repl.compare;

/**
 * The geometric mean of the direction-adjusted ratios (above 1: worse) of the results of one {@link UnitKind}.
 *
 * @param count the results in it, at least 1
 */
public record GeometricMean(UnitKind kind, double value, int count) {}
