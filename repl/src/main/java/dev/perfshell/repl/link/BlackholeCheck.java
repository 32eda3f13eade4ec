package dev.perfshell.repl.link;

import java.util.Locale;
import java.util.Map;

/**
 * The engine's blackhole self-check, as the front end reads it.
 *
 * @param consumedNanos ns/op of the known expression, consumed
 * @param emptyNanos    ns/op of the empty payload
 * @param mode          "compiler" (JMH's compiler blackholes) or "full" (JMH's full Blackhole)
 * @param passed        consumed values stay alive in this engine
 */
public record BlackholeCheck(double consumedNanos, double emptyNanos, String mode, boolean passed) {

    static BlackholeCheck fromWire(Map<?, ?> wire) {
        return new BlackholeCheck(
                ((Number) wire.get("consumedNanos")).doubleValue(),
                ((Number) wire.get("emptyNanos")).doubleValue(),
                (String) wire.get("mode"),
                (Boolean) wire.get("passed"));
    }

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
