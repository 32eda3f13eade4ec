package dev.perfshell.repl.results;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool that wrote a results file: {@code perfshell} and its build's version. */
public record Tool(String name, String version) {
    private static final String UNKNOWN = "(unknown version)";

    /** This perfshell, its version from the build ({@code perfshell.properties}). */
    public static Tool perfshell() {
        Properties properties = new Properties();
        try (InputStream stream = Tool.class.getResourceAsStream("/dev/perfshell/repl/perfshell.properties")) {
            if (stream != null) properties.load(stream);
        } catch (IOException e) {
            return new Tool("perfshell", UNKNOWN);
        }
        return new Tool("perfshell", properties.getProperty("version", UNKNOWN));
    }
}
