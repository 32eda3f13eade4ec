package dev.perfshell.repl.io;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;

/** Where the shell's own libraries are: the jar (or class folder) a class was loaded from, for a child JVM's class path. */
public final class ClassJars {
    private ClassJars() {}

    /**
     * The path of the jar or folder that holds {@code className}, seen from {@code loader}, without initialising it.
     *
     * @param library what is missing when the class is not there, for the message (e.g. {@code JMH})
     * @throws IllegalStateException naming the class and the library when it cannot be found
     */
    public static String of(String className, ClassLoader loader, String library) {
        try {
            Class<?> type = Class.forName(className, false, loader);
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location == null) throw new IllegalStateException("cannot locate " + className + "'s jar");
            return Path.of(location.toURI()).toString();
        } catch (ClassNotFoundException | URISyntaxException | LinkageError e) {
            throw new IllegalStateException(
                    library + " is missing from the shell's class path (" + className + "); rebuild with mvn install",
                    e);
        }
    }
}
