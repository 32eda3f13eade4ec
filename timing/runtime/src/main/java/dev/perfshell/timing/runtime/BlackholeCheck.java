package dev.perfshell.timing.runtime;

import java.util.Locale;

/**
 * The verdict of the engine's blackhole self-check ({@link BlackholeSelfCheck}): written by the engine and read by
 * the shell with {@link WireForm}.
 *
 * @param consumedNanos ns/op of the known expression, consumed
 * @param emptyNanos    ns/op of the empty payload
 * @param mode          "compiler" (JMH's compiler blackholes) or "full" (JMH's full Blackhole)
 * @param passed        consumed values stay alive in this engine
 */
public record BlackholeCheck(double consumedNanos, double emptyNanos, String mode, boolean passed) {

    /** One line for %env. */
    public String describe() {
        String blackhole = mode.equals("compiler") ? "compiler blackholes" : "JMH's full Blackhole";
        return String.format(
                Locale.ROOT,
                "%s; self-check %s (Math.sqrt(x) * x + 1.0 consumed: %.2f ns, empty loop: %.2f ns)",
                blackhole,
                passed ? "passed" : "FAILED",
                consumedNanos,
                emptyNanos);
    }
}
