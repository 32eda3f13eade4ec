package dev.perfshell.profiling.memory;

import java.lang.instrument.Instrumentation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Deep object footprints (JOL) for {@code %sizeof} and {@code %memit --result}. JOL and its bridge are
 * loaded on first use from jars the front end names, in a class loader whose parent is the platform
 * loader: JOL never joins the engine's class path, so snippets cannot see it and an engine that never
 * measures a footprint never loads it (docs/architecture.md, 'Class-path isolation').
 */
public final class Footprints {
    private static final String BRIDGE = "dev.perfshell.profiling.jol.JolFootprint";

    private final Instrumentation instrumentation;
    private Function<Object[], Object> bridge;

    public Footprints(Instrumentation instrumentation) {
        this.instrumentation = instrumentation;
    }

    /**
     * @param value  the root of the graph; not {@code null}
     * @param jars   the bridge's and jol-core's jars (or class folders)
     * @param layout also return the root's field layout
     * @return the bridge's figures: totalBytes, objects, rootClass, classes, layout
     */
    public Object measure(Object value, List<String> jars, boolean layout)
            throws ReflectiveOperationException, MalformedURLException {
        return bridge(jars).apply(new Object[] {value, layout});
    }

    @SuppressWarnings("unchecked")
    private Function<Object[], Object> bridge(List<String> jars)
            throws ReflectiveOperationException, MalformedURLException {
        if (bridge != null) return bridge;
        List<URL> urls = new ArrayList<>();
        for (String jar : jars) urls.add(Path.of(jar).toUri().toURL());
        ClassLoader loader =
                new URLClassLoader("perfshell-jol", urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
        Class<?> type = Class.forName(BRIDGE, true, loader);
        bridge = (Function<Object[], Object>)
                type.getConstructor(Instrumentation.class).newInstance(instrumentation);
        return bridge;
    }
}
