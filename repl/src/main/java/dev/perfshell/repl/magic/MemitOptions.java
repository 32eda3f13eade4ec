package dev.perfshell.repl.magic;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * %memit's options, a picocli mixin whose options picocli lists where it is declared, in their order here; with the
 * one-line problem of the values given ({@link #problem}) and the params they put in a result ({@link #params}).
 */
final class MemitOptions {
    @Option(
            names = "-r",
            paramLabel = "REPEAT",
            defaultValue = "1",
            description =
                    "Run the statement REPEAT times; the highest peak is reported, as memory_profiler does (default 1).")
    int repeat;

    @Option(
            names = "-n",
            paramLabel = "LOOPS",
            description = "Measure B/op with LOOPS operations per run, also for a statement.")
    Long loops;

    @Option(names = "-q", description = "Quiet: print nothing (use with -o).")
    boolean quiet;

    @Option(
            names = {"-o", "--bind"},
            arity = "0..1",
            fallbackValue = "",
            paramLabel = "NAME",
            description =
                    "Bind the result (MemitResult: peakBytes(), incrementBytes(), allocatedBytes(), retainedBytes()...) to NAME or $mN.")
    String bind;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "Stop the statement after SECONDS (it is really stopped).")
    Double timeout;

    @Option(
            names = "--all-threads",
            description = "Count the allocation of every engine thread, not only the statement's.")
    boolean allThreads;

    @Option(
            names = "--result",
            description = "Also the deep size of the expression's value (JOL), kept until measured.")
    boolean result;

    @Mixin
    LabelOption labelOption = new LabelOption();

    @Option(
            names = "--param",
            paramLabel = "NAME=VALUES",
            description =
                    "Sweep: the expression's B/op at each value "
                            + "(n=10,100,1000 or n=10..100000:x10), NAME a field it reads; one line per value, then the fitted complexity.")
    String param;

    /** The first problem of the counts and durations given, in one line, or {@code null}. */
    String problem() {
        return OptionRules.first(
                OptionRules.atLeastOne("-r", repeat),
                loops == null ? null : OptionRules.atLeastOne("-n", loops),
                timeout == null
                        ? null
                        : OptionRules.positiveSeconds(
                                "--timeout", timeout, "leave --timeout out to let the statement finish"));
    }

    /** What shaped the measurement besides the code, only as given: a changed default is no changed param. */
    Map<String, Object> params() {
        Map<String, Object> params = new LinkedHashMap<>();
        if (repeat > 1) params.put("repeat", repeat);
        if (loops != null) params.put("loops", loops);
        if (allThreads) params.put("allThreads", true);
        if (timeout != null) params.put("timeoutSeconds", timeout);
        return params;
    }

    /** {@code --label}, or {@code null} for none, as a %memit result takes it. */
    String label() {
        return labelOption.label;
    }
}
