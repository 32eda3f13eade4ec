package dev.perfshell.timing.runtime;

import java.util.SplittableRandom;

/**
 * Deterministic inputs for snippets and examples: the same seed gives the same data in every
 * engine, so a timing typed today can be compared with one from a script run next month.
 * Visible to snippets as {@code dev.perfshell.timing.runtime.Perf} (imported by default).
 */
public final class Perf {
    private Perf() {}

    /** A time in ns scaled for reading, as %timeit prints it: {@code 2.51 ns}, {@code 576 ns}, {@code 1.23 µs}. */
    public static String time(double nanos) {
        return dev.perfshell.timing.runtime.Units.time(nanos);
    }

    /**
     * Which of two {@code %timeit -o} results is faster, by their medians, the faster named first whichever it
     * is: {@code HashSet.contains is 153x faster than ArrayList.contains (3.20 ns vs 489 ns)}. For the one-line
     * conclusions of perf scripts (scripts/examples/).
     */
    public static String faster(String a, TimeitResult ta, String b, TimeitResult tb) {
        double x = ta.median();
        double y = tb.median();
        boolean aFirst = x <= y;
        double ratio = Math.max(x, y) / Math.min(x, y);
        // Coarser than Units.ratio below 100 (a conclusion, not a figure), the same from 100 up: 8,480,000x, not
        // 8484802x.
        String factor = ratio >= 100
                ? dev.perfshell.timing.runtime.Units.ratio(ratio)
                : String.format(java.util.Locale.ROOT, ratio >= 10 ? "%.0f" : "%.1f", ratio);
        return String.format(
                java.util.Locale.ROOT,
                "%s is %sx faster than %s (%s vs %s)",
                aFirst ? a : b,
                factor,
                aFirst ? b : a,
                time(Math.min(x, y)),
                time(Math.max(x, y)));
    }

    /** {@code n} pseudo-random ints from {@code seed}. */
    public static int[] ints(int n, long seed) {
        return new SplittableRandom(seed).ints(n).toArray();
    }

    /** {@code n} pseudo-random ints in {@code [0, bound)} from {@code seed}. */
    public static int[] ints(int n, int bound, long seed) {
        return new SplittableRandom(seed).ints(n, 0, bound).toArray();
    }

    /** {@code n} pseudo-random longs from {@code seed}. */
    public static long[] longs(int n, long seed) {
        return new SplittableRandom(seed).longs(n).toArray();
    }

    /** {@code n} pseudo-random doubles in {@code [0, 1)} from {@code seed}. */
    public static double[] doubles(int n, long seed) {
        return new SplittableRandom(seed).doubles(n).toArray();
    }

    /** {@code n} lower-case ASCII strings of length {@code len} from {@code seed}. */
    public static String[] strings(int n, int len, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] out = new String[n];
        char[] chars = new char[len];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < len; j++) chars[j] = (char) ('a' + random.nextInt(26));
            out[i] = new String(chars);
        }
        return out;
    }
}
