package dev.perfshell.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * A session variable as the engine finds it: JShell keeps each variable in a static field of its snippet's class. The
 * argument of {@code EngineProtocol.FORGET}, and with what to measure, of {@code EngineProtocol.SIZEOF}; written with
 * {@link #toWire()} in the shell, read with {@link #fromWire(Map)} in the engine.
 *
 * @param className the variable's snippet class (binary name)
 * @param field     the variable's name
 */
public record SessionVariable(String className, String field) {
    public HashMap<String, Object> toWire() {
        HashMap<String, Object> wire = new HashMap<>();
        wire.put("class", className);
        wire.put("field", field);
        return wire;
    }

    public static SessionVariable fromWire(Map<?, ?> wire) {
        return new SessionVariable((String) wire.get("class"), (String) wire.get("field"));
    }

    /**
     * {@code %sizeof}'s request: the deep footprint of a variable's value.
     *
     * @param layout also the root object's field layout
     * @param jars   the JOL bridge's jar and JOL's, for the engine's isolated loader
     */
    public record Sizeof(SessionVariable variable, boolean layout, java.util.List<String> jars) {
        public Sizeof {
            jars = java.util.List.copyOf(jars);
        }

        public HashMap<String, Object> toWire() {
            HashMap<String, Object> wire = variable.toWire();
            wire.put("layout", layout);
            wire.put("jars", new java.util.ArrayList<>(jars));
            return wire;
        }

        public static Sizeof fromWire(Map<?, ?> wire) {
            return new Sizeof(
                    SessionVariable.fromWire(wire),
                    Boolean.TRUE.equals(wire.get("layout")),
                    ((java.util.List<?>) wire.get("jars"))
                            .stream().map(String::valueOf).toList());
        }
    }
}
