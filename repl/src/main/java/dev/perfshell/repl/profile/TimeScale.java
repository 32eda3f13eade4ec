package dev.perfshell.repl.profile;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One unit for a whole table of times. pstats prints fixed {@code %8.3f} seconds, so everything under 0.5 ms reads
 * {@code 0.000}; here the unit is the finest of ns, µs, ms and s in which the largest value has at most 4 integer
 * digits, keeping pstats' 3 decimals and 8-character columns.
 */
record TimeScale(String unit, long nanosPerUnit) {
    private static final String[] UNITS = {"ns", "\u00b5s", "ms", "s"};
    private static final long[] NANOS = {1, 1_000, 1_000_000, 1_000_000_000};
    private static final int DECIMALS = 3;
    private static final BigDecimal FIVE_DIGITS = BigDecimal.valueOf(10_000);

    static TimeScale fitting(long largestNanos) {
        for (int i = 0; i < UNITS.length - 1; i++) {
            TimeScale scale = new TimeScale(UNITS[i], NANOS[i]);
            if (scale.value(largestNanos, 1).abs().compareTo(FIVE_DIGITS) < 0) return scale;
        }
        return new TimeScale(UNITS[UNITS.length - 1], NANOS[UNITS.length - 1]); // 10,000 s and more: wider columns
    }

    /** {@code nanos / divisor} in this unit, 3 decimals, rounded half-even on the exact quotient. */
    String format(long nanos, long divisor) {
        return value(nanos, divisor).toPlainString();
    }

    private BigDecimal value(long nanos, long divisor) {
        return BigDecimal.valueOf(nanos)
                .divide(
                        BigDecimal.valueOf(divisor).multiply(BigDecimal.valueOf(nanosPerUnit)),
                        DECIMALS,
                        RoundingMode.HALF_EVEN);
    }
}
