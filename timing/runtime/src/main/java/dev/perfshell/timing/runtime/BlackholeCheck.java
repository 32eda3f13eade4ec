package dev.perfshell.timing.runtime;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict of the engine's blackhole self-check ({@link BlackholeSelfCheck}): written by the engine with
 * {@link #toWire()}, read by the shell with {@link #fromWire(Map)}.
 *
 * @param consumedNanos ns/op of the known expression, consumed
 * @param emptyNanos    ns/op of the empty payload
 * @param mode          "compiler" (JMH's compiler blackholes) or "full" (JMH's full Blackhole)
 * @param passed        consumed values stay alive in this engine
 */
public record BlackholeCheck(double consumedNanos, double emptyNanos, String mode, boolean passed) {

    public HashMap<String, Object> toWire() {
        HashMap<String, Object> wire = new HashMap<>();
        wire.put("consumedNanos", consumedNanos);
        wire.put("emptyNanos", emptyNanos);
        wire.put("mode", mode);
        wire.put("passed", passed);
        return wire;
    }

    public static BlackholeCheck fromWire(Map<?, ?> wire) {
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
