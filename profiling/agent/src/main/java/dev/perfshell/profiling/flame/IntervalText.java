package dev.perfshell.profiling.flame;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** async-profiler's interval syntax, {@code 10ms}, {@code 500us}, {@code 100000} (ns), read into nanoseconds for JFR. */
final class IntervalText {
    private static final Pattern TIME = Pattern.compile("(\\d+)(ns|us|ms|s)?");

    private IntervalText() {}

    static long nanos(String text) {
        Matcher m = TIME.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException("bad interval " + text + " (e.g. 1ms, 500us, 100000)");
        long value = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "ns" : m.group(2);
        return switch (unit) {
            case "us" -> value * 1_000L;
            case "ms" -> value * 1_000_000L;
            case "s" -> value * 1_000_000_000L;
            default -> value;
        };
    }
}
