package dev.perfshell.repl.link;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;
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
        try {
            Class<?> type = Class.forName(className, false, JolJars.class.getClassLoader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null) throw new IllegalStateException("cannot locate " + className + "'s jar");
            return Path.of(location.toURI()).toString();
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new IllegalStateException(
                    "JOL is missing from the shell's class path (" + className + "); rebuild with mvn install", e);
        }
    }
}
