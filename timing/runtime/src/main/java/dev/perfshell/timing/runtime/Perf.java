package dev.perfshell.timing.runtime;

import java.util.SplittableRandom;

/**
 * Deterministic inputs for snippets and examples: the same seed gives the same data in every
 * engine, so a timing typed today can be compared with one from a script run next month.
 * Visible to snippets as {@code dev.perfshell.timing.runtime.Perf} (imported by default).
 */
public final class Perf {
    private Perf() {}

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
