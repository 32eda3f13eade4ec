package dev.perfshell.repl.link;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * Where the engine finds async-profiler for {@code %flame}: the jar on the shell's own class path (lib/ of an
 * installed shell, the local Maven repository in tests). The class is only located, never initialised, so
 * the shell JVM never loads the native library; the engine loads the jar in a class loader of its own.
 */
final class AsyncProfilerJar {
    private static final String CLASS = "one.profiler.AsyncProfiler";

    private AsyncProfilerJar() {}

    /** The jar's path, or {@code null} when the shell was built without it (the engine then falls back to JFR). */
    static String locate() {
        try {
            Class<?> type = Class.forName(CLASS, false, AsyncProfilerJar.class.getClassLoader());
            CodeSource source = type.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            return location == null ? null : Path.of(location.toURI()).toString();
        } catch (ClassNotFoundException | URISyntaxException e) {
            return null;
        }
    }
}
