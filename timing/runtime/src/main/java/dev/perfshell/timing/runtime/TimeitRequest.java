package dev.perfshell.timing.runtime;

import java.util.HashMap;
import java.util.Map;

/**
 * The shell's request to time one generated class ({@code %timeit}); written by the shell with {@link #toWire()} and
 * read by the engine with {@link #fromWire(Map)}: the plan's fields, the class and two switches.
 *
 * @param className    the generated {@link Timed} class's binary name
 * @param watchJit     follow the snippet's compilations with JFR (off for {@code %memit}'s allocation runs: starting
 *                     JFR costs the engine's first timing about 0.7 s)
 * @param keepProfiles time with the JIT profiles earlier code left ({@code --keep-profiles}); by default the engine
 *                     resets them first, so the snippet reads what a forked JVM would
 */
public record TimeitRequest(String className, TimeitPlan plan, boolean watchJit, boolean keepProfiles) {

    public HashMap<String, Object> toWire() {
        HashMap<String, Object> wire = new HashMap<>(plan.toWire());
        wire.put("class", className);
        wire.put("watchJit", watchJit);
        wire.put("keepProfiles", keepProfiles);
        return wire;
    }

    public static TimeitRequest fromWire(Map<?, ?> wire) {
        return new TimeitRequest(
                (String) wire.get("class"),
                TimeitPlan.fromWire(wire),
                !Boolean.FALSE.equals(wire.get("watchJit")),
                Boolean.TRUE.equals(wire.get("keepProfiles")));
    }

    /**
     * {@code %compare}'s request: the generated classes timed under one plan, their runs interleaved.
     *
     * @param classNames the classes, in the order of the replies
     */
    public record Interleaved(java.util.List<String> classNames, TimeitPlan plan, boolean keepProfiles) {
        public Interleaved {
            classNames = java.util.List.copyOf(classNames);
        }

        public HashMap<String, Object> toWire() {
            HashMap<String, Object> wire = new HashMap<>(plan.toWire());
            wire.put("classes", new java.util.ArrayList<>(classNames));
            wire.put("keepProfiles", keepProfiles);
            return wire;
        }

        public static Interleaved fromWire(Map<?, ?> wire) {
            return new Interleaved(
                    ((java.util.List<?>) wire.get("classes"))
                            .stream().map(String::valueOf).toList(),
                    TimeitPlan.fromWire(wire),
                    Boolean.TRUE.equals(wire.get("keepProfiles")));
        }
    }
}
