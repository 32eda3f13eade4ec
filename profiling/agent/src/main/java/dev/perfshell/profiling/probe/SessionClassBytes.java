package dev.perfshell.profiling.probe;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the exact current bytes of every class the session's loader defines (snippets, and classes of
 * jars added with %classpath), from definitions and from JShell's redefinitions alike: JShell redefines
 * over JDI from the front end, so only a transformer sees those bytes (red-team.md §8), and on JDK 17
 * retransforming would bring back stale bytes (JDK-7124710). %prun installs and removes its probes with
 * {@code redefineClasses} from these bytes.
 *
 * <p>While a profile runs, classes the session defines meanwhile (the profiled statement's own class)
 * are woven as they are defined.
 */
public final class SessionClassBytes implements ClassFileTransformer {
    private static final String SESSION_LOADER = "jdk.jshell.execution.DefaultLoaderDelegate$RemoteClassLoader";

    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    /** Set while perfshell itself redefines classes: those bytes are probes or restorations, not the user's. */
    private volatile boolean ownRedefinition;
    private volatile Weaving weaving;

    /** Weaves classes defined during a profile. */
    interface Weaving {
        /** The woven bytes of a newly defined class, or {@code null} to leave it as it is. */
        byte[] weave(String internalName, ClassLoader loader, byte[] original);
    }

    static boolean isSessionLoader(ClassLoader loader) {
        return loader != null && loader.getClass().getName().equals(SESSION_LOADER);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined, ProtectionDomain domain, byte[] classBytes) {
        if (name == null || ownRedefinition || !isSessionLoader(loader)) return null;
        bytes.put(name, classBytes.clone());
        Weaving current = weaving;
        if (current == null || redefined != null) return null;
        try {
            return current.weave(name, loader, classBytes);
        } catch (RuntimeException cannotWeave) {
            return null; // a class we cannot weave runs unprofiled rather than failing to load
        }
    }

    /** The class's current bytes as the session defined them, or {@code null} when never seen. */
    byte[] original(String internalName) {
        return bytes.get(internalName);
    }

    void ownRedefinition(boolean on) {
        ownRedefinition = on;
    }

    void weaving(Weaving w) {
        weaving = w;
    }
}
