package dev.perfshell.repl.magic;

import picocli.CommandLine.Option;

/**
 * {@code --warmup}, declared once for %timeit and %compare: seconds ({@code 0.5}) or runs ({@code 10i}), as
 * JMH's {@code -w}/{@code -wi} would say them. Checked after parsing ({@link OptionRules#warmup}), so a bad value
 * gets the same one-line refusal as every other count.
 */
final class WarmupOption {
    @Option(
            names = "--warmup",
            paramLabel = "SECONDS|Ni",
            description =
                    "Warm-up (of each snippet, in %%compare): seconds (0.5) or runs (10i). Default: until the times settle.")
    String warmup;

    /** What is wrong with the value, or {@code null}. */
    String problem() {
        return OptionRules.warmup(warmup);
    }

    /** The warm-up's duration in ns; 0 when given in runs or not at all (the plan's default). */
    long nanos() {
        return warmup == null || warmup.endsWith("i") ? 0 : Math.max(1, (long) (Double.parseDouble(warmup) * 1e9));
    }

    /** The warm-up's runs; 0 when given in seconds or not at all. */
    int runs() {
        return warmup != null && warmup.endsWith("i")
                ? Math.max(1, Integer.parseInt(warmup.substring(0, warmup.length() - 1)))
                : 0;
    }
}
