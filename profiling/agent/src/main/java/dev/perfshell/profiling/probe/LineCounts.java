package dev.perfshell.profiling.probe;

import java.util.List;

/**
 * What %lprun's or %mprun's line probes recorded ({@link LineRecorder#report()}): per chosen method, in the order
 * chosen, the class-file lines that ran.
 *
 * @param methods       the chosen methods
 * @param perEventNanos the calibrated cost of one line event, subtracted from times (0 for bytes, or sampled times)
 * @param bytes         figures are bytes allocated (%mprun), not nanoseconds
 */
public record LineCounts(List<Method> methods, double perEventNanos, boolean bytes) {
    public LineCounts {
        methods = List.copyOf(methods);
    }

    /** One chosen method and its lines that ran. */
    public record Method(String owner, String name, String descriptor, List<Line> lines) {
        public Method {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One class-file line that ran.
     *
     * @param value   nanoseconds (probe cost subtracted, or from samples) or bytes allocated
     * @param samples the samples the time rests on (sampled times only, else 0)
     */
    public record Line(int line, long hits, long value, long samples) {}
}
