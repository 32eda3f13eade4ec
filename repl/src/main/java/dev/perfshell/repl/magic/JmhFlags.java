package dev.perfshell.repl.magic;

import dev.perfshell.repl.jmh.JmhOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.lang.model.SourceVersion;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code %jmh}'s options as typed, a picocli mixin of the magic: JMH's own flags with JMH's names, and perfshell's
 * about the session and the generated class, with the checks of their values ({@link #problem()}). (Not
 * {@code JmhOptions}: that is the run as JMH's {@code Main} takes it, made from these by {@link #jmhOptions}.) The
 * fields are declared in the order the magic declared them, so Tab lists them as before.
 */
final class JmhFlags {
    private static final Pattern TIME = Pattern.compile("\\d+(\\.\\d+)?(ns|us|ms|s|m|min|hr)");
    private static final List<String> MODES = List.of("avgt", "thrpt", "sample", "ss");
    private static final List<String> UNITS = List.of("ns", "us", "ms", "s", "m", "min");

    /** -bm's values, for Tab (picocli's completion candidates). */
    static final class Modes implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return MODES.iterator();
        }
    }

    /** -tu's values, for Tab. */
    static final class Units implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return UNITS.iterator();
        }
    }

    @Option(names = "-f", paramLabel = "FORKS", defaultValue = "1", description = "Forked JVMs (default 1).")
    int forks;

    @Option(names = "-wi", paramLabel = "N", defaultValue = "3", description = "Warm-up iterations (default 3).")
    int warmupIterations;

    @Option(
            names = "-w",
            paramLabel = "TIME",
            defaultValue = "1s",
            description = "Warm-up iteration time (default 1s).")
    String warmupTime;

    @Option(names = "-i", paramLabel = "N", defaultValue = "5", description = "Measurement iterations (default 5).")
    int iterations;

    @Option(
            names = "-r",
            paramLabel = "TIME",
            defaultValue = "1s",
            description = "Measurement iteration time (default 1s).")
    String measurementTime;

    @Option(
            names = "-bm",
            paramLabel = "MODE",
            defaultValue = "avgt",
            completionCandidates = Modes.class,
            description = "Mode: avgt, thrpt, sample, ss (default avgt).")
    String mode;

    @Option(
            names = "-tu",
            paramLabel = "UNIT",
            defaultValue = "ns",
            completionCandidates = Units.class,
            description = "Time unit: ns, us, ms, s (default ns).")
    String timeUnit;

    @Option(
            names = "-t",
            paramLabel = "THREADS",
            defaultValue = "1",
            description = "Threads running the snippet at once (default 1).")
    int threads;

    @Option(
            names = "-p",
            paramLabel = "NAME=V1,V2",
            description = "A parameter the snippet and setup can read; one run per value. Repeatable.")
    List<String> params = new ArrayList<>();

    @Option(
            names = "-prof",
            paramLabel = "PROFILER",
            description = "A JMH profiler: gc, stack, comp, cl, ... Repeatable.")
    List<String> profilers = new ArrayList<>();

    @Option(
            names = "--jvm-args",
            paramLabel = "ARGS",
            description = "The forked JVM's arguments, space-separated (the engine's -R options are passed too).")
    String jvmArgs;

    @Option(
            names = "--setup",
            paramLabel = "CODE",
            description = "Setup code run once per trial after the replay; its variables become fields.")
    String setupOption;

    @Option(
            names = "--no-session",
            description =
                    "Replay only imports, classes and methods: no variables or statements (build state in setup).")
    boolean noSession;

    @Mixin
    LabelOption labelOption = new LabelOption();

    @Option(names = "--print-source", description = "Print the generated benchmark class before running it.")
    boolean printSource;

    /** What is wrong with the values, in one line, or {@code null}. */
    String problem() {
        String count = OptionRules.first(
                OptionRules.notNegative("-f", forks),
                OptionRules.notNegative("-wi", warmupIterations),
                OptionRules.atLeastOne("-i", iterations),
                OptionRules.atLeastOne("-t", threads));
        if (count != null) return count;
        if (!TIME.matcher(warmupTime).matches()) return "-w takes a time such as 1s or 500ms, got '" + warmupTime + "'";
        if (!TIME.matcher(measurementTime).matches())
            return "-r takes a time such as 1s or 500ms, got '" + measurementTime + "'";
        String time = OptionRules.first(
                OptionRules.positiveQuantity(
                        "-w", warmupTime, Double.parseDouble(warmupTime.replaceAll("[a-z]+$", ""))),
                OptionRules.positiveQuantity(
                        "-r", measurementTime, Double.parseDouble(measurementTime.replaceAll("[a-z]+$", ""))));
        if (time != null) return time;
        if (!MODES.contains(mode)) return "-bm takes one of " + String.join(", ", MODES) + ", got '" + mode + "'";
        if (!UNITS.contains(timeUnit))
            return "-tu takes one of " + String.join(", ", UNITS) + ", got '" + timeUnit + "'";
        for (String param : params) {
            if (parameterName(param) == null) return "-p takes NAME=V1,V2 with a Java name, got '" + param + "'";
        }
        return null;
    }

    /** {@code -p}'s values by name, in the order given; call after {@link #problem()} found none. */
    Map<String, List<String>> parameters() {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (String param : params) {
            parameters.put(
                    parameterName(param),
                    List.of(param.substring(param.indexOf('=') + 1).split(",")));
        }
        return parameters;
    }

    /** A {@code -p NAME=V1,V2}'s name, or {@code null} when it is not a Java name followed by values. */
    private static String parameterName(String param) {
        int equals = param.indexOf('=');
        if (equals < 0 || param.substring(equals + 1).isBlank()) return null;
        String name = param.substring(0, equals).strip();
        return SourceVersion.isName(name) ? name : null;
    }

    /**
     * The run as JMH's {@code Main} takes it.
     *
     * @param forkJvmArgs the forks' flags, {@code --jvm-args} among them ({@code JmhCommandLine.forkJvmArgs})
     */
    JmhOptions jmhOptions(Map<String, List<String>> parameters, List<String> forkJvmArgs) {
        return new JmhOptions(
                forks,
                warmupIterations,
                warmupTime,
                iterations,
                measurementTime,
                mode,
                timeUnit,
                threads,
                parameters,
                profilers,
                forkJvmArgs);
    }
}
