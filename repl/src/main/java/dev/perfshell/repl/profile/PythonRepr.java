package dev.perfshell.repl.profile;

import java.math.BigDecimal;
import java.util.Locale;

/** Python's {@code repr()} of a string and of a float, for the messages pstats and IPython print with {@code %r}. */
public final class PythonRepr {
    private PythonRepr() {}

    /** {@code 'fib'}; double quotes when the text has a {@code '} and no {@code "}; backslash escapes as Python writes them. */
    public static String of(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == quote || c == '\\') out.append('\\').append(c);
            else if (c == '\n') out.append("\\n");
            else if (c == '\r') out.append("\\r");
            else if (c == '\t') out.append("\\t");
            else if (c < 0x20 || (c >= 0x7f && c < 0xa0)) out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            else out.append(c);
        }
        return out.append(quote).toString();
    }

    /**
     * A float as Python prints it: the shortest digits that read back ({@code 0.1}), {@code .0} on whole numbers,
     * and exponent notation below 1e-4 or from 1e16 on ({@code 1e-05}).
     */
    public static String of(double value) {
        if (Double.isNaN(value)) return "nan";
        if (Double.isInfinite(value)) return value > 0 ? "inf" : "-inf";
        if (value == 0) return 1 / value < 0 ? "-0.0" : "0.0";
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = value < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 16) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
        }
        String plain = shortest.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }
}
