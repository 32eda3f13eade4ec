package dev.perfshell.repl.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JMH run as {@code org.openjdk.jmh.Main} takes it on its command line, with JMH's own option
 * names. Times are JMH's strings ({@code 1s}, {@code 500ms}).
 *
 * @param jvmArgs the forked JVM's arguments, always given explicitly: without them JMH hands the
 *                fork its host's flags
 */
public record JmhOptions(
        int forks,
        int warmupIterations,
        String warmupTime,
        int iterations,
        String measurementTime,
        String mode,
        String timeUnit,
        int threads,
        Map<String, List<String>> params,
        List<String> profilers,
        List<String> jvmArgs) {

    public JmhOptions {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        profilers = List.copyOf(profilers);
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** The arguments after {@code org.openjdk.jmh.Main}. */
    public List<String> arguments(String include, String resultFile) {
        List<String> args = new ArrayList<>(List.of(
                include,
                "-f",
                String.valueOf(forks),
                "-wi",
                String.valueOf(warmupIterations),
                "-w",
                warmupTime,
                "-i",
                String.valueOf(iterations),
                "-r",
                measurementTime,
                "-bm",
                mode,
                "-tu",
                timeUnit,
                "-t",
                String.valueOf(threads),
                "-foe",
                "true",
                "-rf",
                "json",
                "-rff",
                resultFile));
        args.add("-jvmArgs");
        args.add(String.join(" ", jvmArgs));
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            args.add("-p");
            args.add(param.getKey() + "=" + String.join(",", param.getValue()));
        }
        for (String profiler : profilers) {
            args.add("-prof");
            args.add(profiler);
        }
        return args;
    }

    /**
     * The options as the result record keeps them (its {@code params}): what shaped the number besides the code, in
     * a fixed order; threads and profilers only when given.
     *
     * @param setup the setup code, kept when there is some
     */
    public Map<String, Object> recorded(String setup) {
        Map<String, Object> recorded = new java.util.LinkedHashMap<>();
        if (!setup.isBlank()) recorded.put("setup", setup);
        recorded.put("forks", forks);
        recorded.put("warmupIterations", warmupIterations);
        recorded.put("warmupTime", warmupTime);
        recorded.put("iterations", iterations);
        recorded.put("measurementTime", measurementTime);
        recorded.put("mode", mode);
        if (threads > 1) recorded.put("threads", threads);
        if (!profilers.isEmpty()) recorded.put("profilers", String.join(" ", profilers));
        return recorded;
    }

    /** Whether a bigger score is better: throughput. */
    public boolean higherIsBetter() {
        return "thrpt".equals(mode);
    }
}
