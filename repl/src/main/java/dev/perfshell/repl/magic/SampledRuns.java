package dev.perfshell.repl.magic;

import dev.perfshell.repl.session.JavaEvaluator;
import dev.perfshell.repl.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code %prun -n} and {@code %lprun -n} share: the statement repeated in a loop (its warm-up runs and its
 * sampled runs), the sampling interval option, and the advice on how many runs give enough samples.
 */
final class SampledRuns {
    /** The interval asked of the sampler when --interval is not given. */
    static final long DEFAULT_INTERVAL_NANOS = 500_000L;

    private SampledRuns() {}

    /**
     * --interval in nanoseconds: a number with an optional ns, us or ms suffix; {@code null} gives
     * {@link #DEFAULT_INTERVAL_NANOS}.
     */
    static long intervalNanos(String interval) {
        if (interval == null) return DEFAULT_INTERVAL_NANOS;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(ns|us|ms)?")
                .matcher(interval.strip().toLowerCase(java.util.Locale.ROOT));
        if (!m.matches())
            throw new IllegalArgumentException("--interval takes a time such as 500us, 1ms or 100000 (ns), got '"
                    + interval + "'. Next: --interval 500us");
        long value = Long.parseLong(m.group(1));
        long nanos = m.group(2) == null || m.group(2).equals("ns")
                ? value
                : m.group(2).equals("us") ? value * 1_000L : value * 1_000_000L;
        if (nanos < 10_000L)
            throw new IllegalArgumentException(
                    "--interval must be at least 10us, got '" + interval + "'. Next: --interval 500us (the default)");
        return nanos;
    }

    /**
     * The statement as run: as typed, or in a loop for -n (a loop body, so a declaration cannot be repeated). An
     * expression's value is kept alive through its identity hash (no {@code toString}, no {@code hashCode} walk of a
     * big result), so the JIT cannot drop the work that makes it.
     */
    static String repeated(String code, int repeats, boolean valueExpression) {
        if (repeats == 1) return code;
        String body = code.strip();
        if (valueExpression) {
            while (body.endsWith(";"))
                body = body.substring(0, body.length() - 1).strip();
            return "{ long perfshell$kept = 0; for (int perfshell$run = 0; perfshell$run < " + repeats
                    + "; perfshell$run++) { "
                    + "perfshell$kept += System.identityHashCode((Object) (" + body + "\n)); } "
                    + "if (perfshell$kept == 42) System.out.print(\"\"); }";
        }
        if (!body.endsWith(";") && !body.endsWith("}")) body += ";";
        return "for (int perfshell$run = 0; perfshell$run < " + repeats + "; perfshell$run++) { " + body + "\n}";
    }

    /**
     * -n's warm-up: the looped statement run once without probes (the last profile's reset left the code cold), so
     * the sampled runs time compiled code; {@code false} when it failed (after saying so) or the engine died (which
     * the shell reports).
     *
     * @param magic the magic as typed ({@code %prun}), for the message
     */
    static boolean warmUp(MagicContext context, String magic, String looped) {
        List<String> errors = new ArrayList<>();
        JavaEvaluator.Result warm = context.evaluator().evaluateDiscardingValues(looped, v -> {}, errors::add);
        if (!context.session().engine().alive()) return false;
        if (!warm.ran() || warm.failed()) {
            errors.forEach(context.console()::error);
            context.console().error(magic + " -n: the statement failed in its warm-up runs; nothing was profiled.");
            return false;
        }
        return true;
    }

    /** The code is one expression with a value ({@code fib(25) + memo(60)}), which is not a statement on its own. */
    static boolean valueExpression(Session session, String code) {
        try {
            List<jdk.jshell.Snippet> snippets =
                    session.engine().jshell().sourceCodeAnalysis().sourceToSnippets(code);
            if (snippets.size() != 1) return false;
            jdk.jshell.Snippet.SubKind kind = snippets.get(0).subKind();
            return kind == jdk.jshell.Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                    || kind == jdk.jshell.Snippet.SubKind.VAR_VALUE_SUBKIND;
        } catch (RuntimeException cannotTell) {
            return false;
        }
    }

    /** The next of 2, 5, 10, 20, 50, … at or above {@code wanted}. */
    static long niceRepeats(double wanted) {
        long step = 1;
        while (true) {
            for (long m : new long[] {2, 5, 10}) if (m * step >= wanted) return m * step;
            step *= 10;
        }
    }
}
