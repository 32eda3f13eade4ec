package dev.perfshell.repl.profile;

import java.util.regex.Pattern;

/** Python's {@code int()} and {@code float()} syntax, which IPython tries in turn on each {@code %prun -l} value (and {@code %lprun -u} reads). */
public final class PythonNumbers {
    private static final String DIGITS = "\\d+(?:_\\d+)*"; // Python allows single underscores between digits
    private static final Pattern INT = Pattern.compile("[+-]?" + DIGITS);
    private static final Pattern DECIMAL = Pattern.compile(
            "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private PythonNumbers() {}

    public static boolean isInt(String text) {
        return INT.matcher(text).matches();
    }

    public static boolean isFloat(String text) {
        return DECIMAL.matcher(text).matches() || SPECIAL.matcher(text).matches();
    }

    /** The value of text that {@link #isFloat} accepts. */
    public static double parseFloat(String text) {
        if (DECIMAL.matcher(text).matches()) return Double.parseDouble(text.replace("_", ""));
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("nan")) return Double.NaN;
        return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }
}
