package dev.perfshell.repl.results;

import dev.perfshell.timing.runtime.Units;

/** Results as people read them: values scaled in their unit, a result's one-line name. */
public final class MetricText {
    private MetricText() {}

    /** A value in its unit, scaled for reading: {@code 5.77 ns/op}, {@code 1.2 ms}, {@code 1.5 KiB}; {@code –} for NaN. */
    public static String value(double value, String unit) {
        if (Double.isNaN(value)) return "–";
        return switch (unit) {
            case "ns" -> Units.time(value);
            case "ns/op" -> Units.time(value) + "/op";
            case "bytes" -> Units.bytes(value);
            case "bytes/op" -> Units.bytes(value) + "/op";
            default -> plain(value) + " " + unit;
        };
    }

    /** Four significant digits, never in E notation ({@code 3.8586488E7} read as {@code 38590000}). */
    static String plain(double value) {
        if (Double.isInfinite(value)) return String.valueOf(value);
        return new java.math.BigDecimal(value)
                .round(new java.math.MathContext(4))
                .stripTrailingZeros()
                .toPlainString();
    }

    /** The text on one line (whitespace runs folded), at most {@code width} characters, cut with {@code …}. */
    public static String shorten(String text, int width) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= width ? line : line.substring(0, width - 1) + "…";
    }

    /**
     * The result's label, else its source, on one line of at most {@code width} characters, with the sweep's value it
     * was measured at ({@code linear(n) [n=1000]}): without it, every value of a sweep reads the same.
     */
    public static String name(ResultRecord record, int width) {
        String values = sweepValues(record);
        return shorten(record.label() != null ? record.label() : record.source(), Math.max(2, width - values.length()))
                + values;
    }

    /** {@code " [n=1000]"} for a --param sweep's value ({@code param.n}) or a %jmh -p value ({@code p.n}); else empty. */
    public static String sweepValues(ResultRecord record) {
        StringBuilder out = new StringBuilder();
        record.params().forEach((key, value) -> {
            String name = key.startsWith("param.") ? key.substring(6) : key.startsWith("p.") ? key.substring(2) : null;
            if (name != null)
                out.append(out.length() == 0 ? " [" : ", ")
                        .append(name)
                        .append('=')
                        .append(value);
        });
        return out.length() == 0 ? "" : out.append(']').toString();
    }
}
