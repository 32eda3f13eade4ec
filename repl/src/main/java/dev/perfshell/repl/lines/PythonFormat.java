package dev.perfshell.repl.lines;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The two number formats line_profiler's report uses: {@code %g} (its {@code Total time} and {@code Timer unit}) and
 * {@code %.1f} (its columns). Python rounds the exact binary value half-even; Java's {@code String.format} rounds
 * half-up, which would turn a per-hit of exactly 1.25 into {@code 1.3} where line_profiler prints {@code 1.2}.
 */
final class PythonFormat {
    private static final int G_PRECISION = 6;

    private PythonFormat() {}

    /** Python's {@code '%g' % value}: 6 significant digits, trailing zeros dropped, exponent below 1e-4 or from 1e6. */
    static String g(double value) {
        if (Double.isNaN(value)) return "nan";
        if (Double.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return 1 / value < 0 ? "-0" : "0";
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(G_PRECISION, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -4 && exponent < G_PRECISION) {
            return rounded.setScale(Math.max(0, G_PRECISION - 1 - exponent), RoundingMode.UNNECESSARY)
                    .stripTrailingZeros()
                    .toPlainString();
        }
        String digits = rounded.unscaledValue().abs().toString().replaceFirst("0+$", "");
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }

    /** Python's {@code '%.1f'} of an exact quotient: one decimal, half-even. */
    static String oneDecimal(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, 1, RoundingMode.HALF_EVEN).toPlainString();
    }
}
