package dev.perfshell.repl.link;

import dev.perfshell.repl.io.ClassJars;
import java.util.List;

/**
 * Where the engine finds JOL for {@code %sizeof}: the bridge's jar and jol-core's, as the shell's own
 * class path has them (lib/ of an installed shell, or the reactor's jars and class folders in tests).
 * The engine loads them in an isolated class loader; the shell never initialises them.
 */
final class JolJars {
    private static final String BRIDGE = "dev.perfshell.profiling.jol.JolFootprint";
    private static final String JOL = "org.openjdk.jol.info.GraphLayout";

    private JolJars() {}

    static List<String> locate() {
        return List.of(where(BRIDGE), where(JOL));
    }

    private static String where(String className) {
        return ClassJars.of(className, JolJars.class.getClassLoader(), "JOL");
    }
}
