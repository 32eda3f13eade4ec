package dev.perfshell.profiling.probe;

import java.util.List;
import java.util.Map;

/**
 * The shell's request to arm %lprun's or %mprun's line probes (see {@link LineProfiler#arm}).
 *
 * @param choices       the methods to weave
 * @param bytes         count allocated bytes per line (%mprun) instead of time
 * @param classBytes    the shell's copy of the snippet classes' bytes, by binary name
 * @param mode          where the times come from
 * @param jar           async-profiler's jar, for the sampled modes ({@code null}: JFR samples)
 * @param intervalNanos the sampling interval asked for
 */
public record LinesArm(
        List<LineProfiler.Choice> choices,
        boolean bytes,
        Map<String, byte[]> classBytes,
        LineProfiler.Mode mode,
        String jar,
        long intervalNanos) {}
