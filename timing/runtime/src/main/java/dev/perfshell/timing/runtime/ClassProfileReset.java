package dev.perfshell.timing.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Resets the JIT profiles of every loaded class a snippet may reach: the session's classes, the user's libraries
 * and the JDK's libraries, each redefined with its own current bytes (HotSpot gives the redefined methods new,
 * empty method data and drops compiled code that depended on the old ones; static state is kept).
 *
 * <p>Which classes: the session's own (JShell's snippet classes) and the libraries it loaded, and of the JDK the two
 * frameworks whose internal call sites take the user's types and lambdas: {@code java.util.stream} and
 * {@code java.util.regex}. After three other stream pipelines, {@code LongStream.range(0, 1_000_000).sum()} read 6×
 * slow because of a sink call inside {@code Streams$RangeLongSpliterator.forEachRemaining}; resetting the package
 * fixes it. Collections, strings and numbers are left alone, as are the JVM's core, I/O and perfshell's machinery
 * (the engine, JShell's agent, JFR, JMH's Blackhole): the engine itself runs on them, and resetting them (about 550
 * classes, 60-110 ms) deoptimised the engine after every reset. Its code, JFR's parser above all, then kept the C2
 * queue full, and later snippets were timed at C1's speed (47 ns instead of 1.2 for an interface call, about a dozen
 * timings into the warnings corpus). docs/history.md has the measurements.
 */
public final class ClassProfileReset implements ProfileReset {
    /** JDK packages whose classes get fresh profiles. */
    private static final List<String> JDK_RESET = List.of("java.util.stream.", "java.util.regex.");
    /** How many of the classes that could not be reset an outcome names (the count says how many there were). */
    private static final int EXAMPLES = 5;
    /** Outside the JDK: perfshell's own machinery, and the libraries it loads into the engine. */
    private static final List<String> TOOL_PACKAGES =
            List.of("dev.perfshell.", "org.openjdk.jmh.", "org.openjdk.jol.", "one.profiler.");

    private final Instrumentation instrumentation;
    private final Function<Class<?>, byte[]> ownBytes;

    /**
     * @param ownBytes the current bytes of a class that has no class file to read (the engine's snippet classes, which
     *                 JShell loads from bytes: only for classes of JShell's loader), or {@code null}
     */
    public ClassProfileReset(Instrumentation instrumentation, Function<Class<?>, byte[]> ownBytes) {
        this.instrumentation = instrumentation;
        this.ownBytes = ownBytes;
    }

    @Override
    public Outcome reset() {
        long start = System.nanoTime();
        if (!instrumentation.isRedefineClassesSupported()) {
            return new Outcome(0, 0, 0, "this JVM cannot redefine classes", List.of());
        }
        List<ClassDefinition> definitions = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (!candidates.get(type)) continue;
            byte[] bytes = bytes(type);
            if (bytes == null) missing.add(type.getName() + " (no class file)");
            else definitions.add(new ClassDefinition(type, bytes));
        }
        List<String> refused = new ArrayList<>(missing);
        int redefined = redefine(definitions, instrumentation::redefineClasses, refused);
        return new Outcome(
                redefined,
                refused.size(),
                System.nanoTime() - start,
                null,
                refused.subList(0, Math.min(EXAMPLES, refused.size())));
    }

    /**
     * A class of the JDK: loaded by the boot or platform loader (a library's {@code com.sun.jna} is the user's), or one of
     * the JDK's run-time generated classes ({@code jdk.internal.reflect} accessors, in loaders of their own).
     */
    private static boolean jdk(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return loader == null
                || loader == ClassLoader.getPlatformClassLoader()
                || type.getName().startsWith("jdk.internal.");
    }

    /** Whether the class of this name gets fresh profiles; {@code jdk}: it is one of the JDK's. */
    static boolean resettable(String name, boolean jdk) {
        if (!jdk) return TOOL_PACKAGES.stream().noneMatch(name::startsWith);
        return JDK_RESET.stream().anyMatch(name::startsWith);
    }

    /** Redefinitions JVMTI may refuse one at a time (a class whose bytes changed shape): all at once, else one by one. */
    interface Redefiner {
        void redefine(ClassDefinition... definitions) throws Exception;
    }

    /**
     * How many of {@code definitions} were redefined: one call for all, or on refusal one call each; the names of
     * those refused are added to {@code refused}.
     */
    static int redefine(List<ClassDefinition> definitions, Redefiner redefiner, List<String> refused) {
        if (definitions.isEmpty()) return 0;
        try {
            redefiner.redefine(definitions.toArray(new ClassDefinition[0]));
            return definitions.size();
        } catch (Exception | LinkageError oneRefused) {
            int done = 0;
            for (ClassDefinition definition : definitions) {
                try {
                    redefiner.redefine(definition);
                    done++;
                } catch (Exception | LinkageError e) {
                    refused.add(definition.getDefinitionClass().getName() + " (" + e + ")");
                }
            }
            return done;
        }
    }

    /** Whether a class is one to reset: decided once per class (a reset walks every loaded class). */
    private final ClassValue<Boolean> candidates = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return !type.isHidden()
                    && !type.isArray()
                    && !type.isPrimitive()
                    && resettable(type.getName(), jdk(type))
                    && instrumentation.isModifiableClass(type);
        }
    };

    /**
     * Class files of classes that are not the session's, read once: they cannot change (a JDK class's comes from
     * the runtime image, a library's from its jar). Reading them was about 40% of a reset's cost. Empty when there is none.
     */
    private final ClassValue<byte[]> classFiles = new ClassValue<>() {
        @Override
        protected byte[] computeValue(Class<?> type) {
            byte[] bytes = read(type.getName().replace('.', '/') + ".class", resource -> {
                Module module = type.getModule();
                if (module.isNamed()) {
                    try {
                        return module.getResourceAsStream(resource);
                    } catch (IOException e) {
                        return null;
                    }
                }
                ClassLoader loader = type.getClassLoader();
                return loader == null
                        ? ClassLoader.getSystemResourceAsStream(resource)
                        : loader.getResourceAsStream(resource);
            });
            return bytes == null ? new byte[0] : bytes;
        }
    };

    /**
     * The class's current bytes: a session class's as JShell last loaded or redefined it (a snippet's class changes
     * when the snippet is redefined); otherwise its class file from its module or class loader.
     */
    private byte[] bytes(Class<?> type) {
        byte[] own = ownBytes.apply(type);
        if (own != null) return own;
        byte[] file = classFiles.get(type);
        return file.length == 0 ? null : file;
    }

    private static byte[] read(String resource, Function<String, InputStream> open) {
        try (InputStream in = open.apply(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
