package dev.perfshell.repl.lines;

import dev.perfshell.repl.profile.PythonNumbers;
import java.math.BigDecimal;
import java.util.Map;

/**
 * {@code %lprun -u}: the unit of the {@code Time} and {@code Per Hit} columns. line_profiler takes seconds as a Python
 * float ({@code 1e-3}); we take that too, and the names {@code ns}, {@code us}/{@code µs}, {@code ms}, {@code s},
 * because a unit is easier to type than its exponent. The default is line_profiler's, nanoseconds.
 *
 * @param seconds the unit in seconds, positive and finite
 */
public record TimerUnit(double seconds) {
    /** line_profiler's default: {@code Timer unit: 1e-09 s}. */
    public static final TimerUnit DEFAULT = new TimerUnit(1e-9);

    // both micro signs: U+00B5 (what the keyboard and Units print) and U+03BC (Greek mu, which some input methods give)
    private static final Map<String, Double> NAMES =
            Map.of("ns", 1e-9, "us", 1e-6, "\u00b5s", 1e-6, "\u03bcs", 1e-6, "ms", 1e-3, "s", 1.0);

    public TimerUnit {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException("timer unit must be a positive number of seconds, not " + seconds);
        }
    }

    /**
     * The {@code -u} value: seconds as Python writes a float ({@code 1e-6}, {@code 0.001}, {@code 1e-09}) or a unit name.
     *
     * @throws IllegalArgumentException one line naming the value and what is accepted
     */
    public static TimerUnit parse(String text) {
        String trimmed = text.strip();
        Double named = NAMES.get(trimmed);
        if (named != null) return new TimerUnit(named);
        if (PythonNumbers.isFloat(trimmed)) {
            double seconds = PythonNumbers.parseFloat(trimmed);
            if (seconds > 0 && !Double.isInfinite(seconds)) return new TimerUnit(seconds);
        }
        throw new IllegalArgumentException("-u " + text
                + ": not a timer unit; give positive seconds (1e-09, 1e-06, 0.001) " + "or ns, us (\u00b5s), ms, s");
    }

    /** {@code Timer unit: 1e-09 s}, the seconds as line_profiler prints them ({@code %g}). */
    public String header() {
        return "Timer unit: " + PythonFormat.g(seconds) + " s";
    }

    /** {@code nanos} in this unit. */
    public double fromNanos(double nanos) {
        return nanos / nanosPerUnit().doubleValue();
    }

    /**
     * {@code nanos / divisor} in this unit with one decimal, as line_profiler's {@code Time} ({@code divisor} 1) and
     * {@code Per Hit} ({@code divisor} hits) columns print it.
     */
    public String format(long nanos, long divisor) {
        return PythonFormat.oneDecimal(BigDecimal.valueOf(nanos), nanosPerUnit().multiply(BigDecimal.valueOf(divisor)));
    }

    /** Exact for the decimal the user typed: {@code 1e-06} is 1000 ns, not the double product 1000.0000000000001. */
    private BigDecimal nanosPerUnit() {
        return new BigDecimal(Double.toString(seconds)).movePointRight(9);
    }
}
