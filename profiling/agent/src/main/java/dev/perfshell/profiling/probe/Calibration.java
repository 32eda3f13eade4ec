package dev.perfshell.profiling.probe;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How %prun and %lprun measure their probes' own cost, once per engine: {@link CalibrationTarget}'s loop, woven
 * into a copy in a class loader of its own, against the same loop unwoven, both compiled. The two calibrations
 * differ only in the weaver and the recorder, so the rounds are timed here, alike for both.
 */
final class Calibration {
    /** Calls of the leaf per timed loop. */
    static final int CALLS = 100_000;

    private Calibration() {}

    /**
     * The fastest round of each loop, per call (noise only ever adds time), and the recorder of the fastest woven
     * round, for what its probes read.
     */
    record Best<R>(double plainNanos, double wovenNanos, R wovenRecorder) {}

    /** A copy of {@link CalibrationTarget} woven by {@code weave}, defined in a class loader of its own. */
    static Class<?> wovenTarget(BiFunction<byte[], ClassLoader, byte[]> weave) throws IOException {
        byte[] original;
        try (InputStream in = CalibrationTarget.class.getResourceAsStream("CalibrationTarget.class")) {
            original = in.readAllBytes();
        }
        ClassLoader parent = CalibrationTarget.class.getClassLoader();
        byte[] woven = weave.apply(original, parent);
        return new ClassLoader(parent) {
            Class<?> define() {
                return defineClass(CalibrationTarget.class.getName(), woven, 0, woven.length);
            }
        }.define();
    }

    /**
     * Rounds of the plain loop, then the woven one with a new recorder on, until the woven loop is compiled: two
     * rounds within 3% of each other, at least 8 rounds, at most 40.
     */
    static <R> Best<R> rounds(Method plain, Method woven, Supplier<R> recorder, Consumer<R> start, Consumer<R> stop)
            throws Exception {
        double bestPlain = Double.MAX_VALUE;
        double bestWoven = Double.MAX_VALUE;
        R bestRecorder = null;
        double previous = Double.MAX_VALUE;
        for (int round = 0; round < 40; round++) {
            bestPlain = Math.min(bestPlain, perCall(plain));
            R probe = recorder.get();
            start.accept(probe);
            double perCall = perCall(woven);
            stop.accept(probe);
            if (perCall < bestWoven) {
                bestWoven = perCall;
                bestRecorder = probe;
            }
            if (round >= 7 && Math.abs(perCall - previous) <= 0.03 * previous) break;
            previous = perCall;
        }
        return new Best<>(bestPlain, bestWoven, bestRecorder);
    }

    /** One run of a {@code loop(int)} over {@link #CALLS} calls: nanoseconds per call. */
    private static double perCall(Method loop) throws Exception {
        long start = System.nanoTime();
        loop.invoke(null, CALLS);
        return (double) (System.nanoTime() - start) / CALLS;
    }
}
