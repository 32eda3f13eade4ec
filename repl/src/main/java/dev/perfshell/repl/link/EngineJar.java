package dev.perfshell.repl.link;

import dev.perfshell.engine.EngineAgent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the engine jar: the engine's whole class path and its {@code -javaagent}. */
final class EngineJar {
    private EngineJar() {}

    static Path locate() {
        String override = System.getProperty("perfshell.engine.jar");
        if (override != null) return Path.of(override);
        try {
            Path where = Path.of(EngineAgent.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isRegularFile(where)) return where;
            throw new IllegalStateException(
                    "the engine jar is not built (found classes at " + where + "); run: mvn -q package -DskipTests");
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the engine jar: " + e.getMessage(), e);
        }
    }
}
