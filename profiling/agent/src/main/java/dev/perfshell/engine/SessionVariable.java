package dev.perfshell.engine;

/**
 * A session variable as the engine finds it: JShell keeps each variable in a static field of its snippet's class. The
 * argument of {@code EngineProtocol.FORGET}, and with what to measure, of {@code EngineProtocol.SIZEOF}; written
 * in the shell and read in the engine with {@code WireForm}.
 *
 * @param className the variable's snippet class (binary name)
 * @param field     the variable's name
 */
public record SessionVariable(String className, String field) {
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
    }
}
