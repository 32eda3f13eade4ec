package dev.perfshell.repl.magic;

import picocli.CommandLine.Option;

/**
 * {@code -p}, declared once for %timeit and %compare, which print their times with IPython's significant digits
 * alike. (Their {@code -n}, {@code -r}, {@code --budget} and {@code -q} stay each magic's own: %compare's budget is
 * each snippet's share, its {@code -q} keeps the summary, and each help says so in its own words.)
 */
final class PrecisionOption {
    @Option(names = "-p", paramLabel = "PRECISION", defaultValue = "3", description = "Significant digits (default 3).")
    int precision;

    /** What is wrong with the value, or {@code null}. */
    String problem() {
        return precision < 1 || precision > 15 ? "-p must be between 1 and 15, got " + precision : null;
    }
}
