package dev.perfshell.profiling.probe;

import java.util.List;
import java.util.Map;

/**
 * The shell's request to arm %prun's probes (see {@link Profiler#arm}).
 *
 * @param includes       globs on class names ({@code com.acme.*}) of non-snippet classes to profile too
 * @param mode           where the times come from
 * @param boundaries     count calls out of profiled code
 * @param timeBoundaries time those calls too (--time-boundary)
 * @param classBytes     the shell's copy of the snippet classes' bytes, by binary name
 * @param jar            async-profiler's jar, for a sampled profile ({@code null}: JFR samples)
 * @param intervalNanos  the sampling interval asked for
 */
public record PrunArm(
        List<String> includes,
        Profiler.Mode mode,
        boolean boundaries,
        boolean timeBoundaries,
        Map<String, byte[]> classBytes,
        String jar,
        long intervalNanos) {}
