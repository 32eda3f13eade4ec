package dev.perfshell.repl.magic;

import java.math.BigDecimal;

/**
 * The one rule for every count and duration a magic takes: a value given must be positive (0 used to mean
 * "the default" in some magics and was taken as it stood in others), refused in one line of one shape:
 * {@code -r must be at least 1, got 0. Next: leave -r out for the default}. Each method returns that line,
 * or {@code null} when the value is fine.
 */
final class OptionRules {
    private OptionRules() {}

    /** A count: runs, loops, rows, threads, iterations. */
    static String atLeastOne(String option, long value) {
        return atLeastOne(option, value, "leave " + option + " out for the default");
    }

    static String atLeastOne(String option, long value, String next) {
        return value >= 1 ? null : option + " must be at least 1, got " + value + ". Next: " + next;
    }

    /** A count where 0 means something of its own (JMH's -f 0: no fork; -wi 0: no warm-up). */
    static String notNegative(String option, long value) {
        return value >= 0
                ? null
                : option + " must be 0 or more, got " + value + ". Next: leave " + option + " out for the default";
    }

    /** A duration in seconds. */
    static String positiveSeconds(String option, double value) {
        return positiveSeconds(option, value, "leave " + option + " out for the default");
    }

    static String positiveSeconds(String option, double value, String next) {
        return value > 0 ? null : option + " must be more than 0 seconds, got " + number(value) + ". Next: " + next;
    }

    /** A quantity with its unit as typed ({@code 0s}, {@code 0ms}): its number must be above 0. */
    static String positiveQuantity(String option, String text, double number) {
        return number > 0
                ? null
                : option + " must be more than 0, got '" + text + "'. Next: leave " + option + " out for the default";
    }

    /** {@code 0} not {@code 0.0}, {@code 1.5} as it is. */
    static String number(double value) {
        return Double.isFinite(value)
                ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }

    /** {@code -n}, {@code -r} and {@code --budget} of %timeit and %compare, each checked when given. */
    static String runPlan(Long loops, Integer runs, Double budget) {
        return first(
                loops == null ? null : atLeastOne("-n", loops, "leave -n out for time-boxed runs"),
                runs == null ? null : atLeastOne("-r", runs),
                budget == null ? null : positiveSeconds("--budget", budget));
    }

    /** {@code --warmup} of %timeit and %compare: seconds ({@code 0.5}) or runs ({@code 10i}), more than none. */
    static String warmup(String warmup) {
        if (warmup == null) return null;
        if (!warmup.matches("\\d+i|\\d*\\.?\\d+"))
            return "--warmup takes seconds (0.5) or runs (10i), got '" + warmup + "'";
        double number = Double.parseDouble(warmup.endsWith("i") ? warmup.substring(0, warmup.length() - 1) : warmup);
        return number > 0
                ? null
                : "--warmup must be more than 0, got '" + warmup
                        + "'. Next: leave --warmup out to warm up until the times settle";
    }

    /** The first problem of several checks, or {@code null}. */
    static String first(String... problems) {
        for (String problem : problems) if (problem != null) return problem;
        return null;
    }
}
