package dev.perfshell.timing.runtime;

import java.util.Locale;

/**
 * IPython's time formatting: the unit comes from the value's magnitude
 * (s, ms, µs, ns; ns is the smallest), the number has {@code precision} significant digits with
 * trailing zeros dropped, and 60 s or more switches to {@code 1min 5s}. Values are nanoseconds.
 */
public final class Units {
    private static final String[] UNITS = {"s", "ms", "\u00b5s", "ns"};

    private Units() {}

    public static String time(double nanos) {
        return time(nanos, 3);
    }

    public static String time(double nanos, int precision) {
        double seconds = nanos / 1e9;
        if (seconds >= 60) return compound(seconds);
        if (seconds <= 0) return "0 ns";
        int order = Math.min(Math.max(-(int) Math.floor(Math.log10(seconds) / 3), 0), 3);
        double scaled = seconds * Math.pow(1000, order);
        return significant(scaled, precision) + " " + UNITS[order];
    }

    /** {@code %.<precision>g} without trailing zeros or exponent, as Python prints it. */
    static String significant(double value, int precision) {
        java.math.BigDecimal rounded = new java.math.BigDecimal(value)
                .round(new java.math.MathContext(precision, java.math.RoundingMode.HALF_EVEN));
        String plain = rounded.stripTrailingZeros().toPlainString();
        return plain;
    }

    private static String compound(double seconds) {
        String[] names = {"d", "h", "min", "s"};
        double[] sizes = {86400, 3600, 60, 1};
        StringBuilder out = new StringBuilder();
        double left = seconds;
        for (int i = 0; i < names.length; i++) {
            long whole = (long) (left / sizes[i]);
            if (whole > 0) {
                if (out.length() > 0) out.append(' ');
                out.append(whole).append(names[i]);
            }
            left -= whole * sizes[i];
            if (left < 1) break;
        }
        return out.toString();
    }

    /** Bytes with binary prefixes: {@code 1.5 KiB}, {@code 76.3 MiB}. */
    public static String bytes(double bytes) {
        String[] names = {"B", "KiB", "MiB", "GiB", "TiB"};
        int i = 0;
        double value = bytes;
        while (Math.abs(value) >= 1024 && i < names.length - 1) {
            value /= 1024;
            i++;
        }
        return i == 0 ? String.format(Locale.ROOT, "%d B", (long) value) : significant(value, 3) + " " + names[i];
    }

    /**
     * A ratio (no sign after it, each place writes its own: {@code ×}, {@code x}, {@code times}): two decimals
     * below 100 ({@code 1.83}, {@code 40.00}, {@code 0.12}; {@code 5.125} is {@code 5.12}, as Python rounds), three significant digits with thousands separators
     * from 100 up ({@code 119}, {@code 8,480,000}), {@code ∞} for an infinite one. {@code 8484802.44} claimed
     * digits no measurement has and took counting to read; every renderer of a ratio uses this one rule.
     */
    public static String ratio(double ratio) {
        if (Double.isNaN(ratio)) return "NaN";
        if (Double.isInfinite(ratio)) return ratio > 0 ? "\u221e" : "-\u221e";
        // Half-even on the double's exact value, as Python's '%.2f' rounds IPython's "took 5.12 times longer" (5.125).
        if (Math.abs(ratio) < 100)
            return new java.math.BigDecimal(ratio)
                    .setScale(2, java.math.RoundingMode.HALF_EVEN)
                    .toPlainString();
        java.math.BigDecimal rounded =
                new java.math.BigDecimal(ratio).round(new java.math.MathContext(3, java.math.RoundingMode.HALF_EVEN));
        return String.format(Locale.ROOT, "%,d", rounded.toBigInteger());
    }
}
