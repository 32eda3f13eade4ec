package dev.perfshell.profiling.probe;

/**
 * The code %prun's calibration weaves and runs: a loop calling a tiny method, the commonest shape of a
 * hot call. Its woven copy, against itself unwoven, gives what a probe pair really costs a call.
 */
public final class CalibrationTarget {
    private CalibrationTarget() {}

    public static long loop(int calls) {
        long sum = 0;
        for (int i = 0; i < calls; i++) sum += leaf(i);
        return sum;
    }

    public static int leaf(int x) {
        return x ^ (x >>> 3);
    }
}
