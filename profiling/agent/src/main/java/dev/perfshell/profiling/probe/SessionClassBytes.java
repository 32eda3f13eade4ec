package dev.perfshell.profiling.probe;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exact current bytes of the session's classes, from which %prun and %lprun weave their probes and
 * which they put back with {@code redefineClasses} (on JDK 17 a retransform would bring back stale bytes:
 * JDK-7124710). JShell compiles snippet classes in the shell (its loader in the engine keeps no
 * bytes a weaver could read), so the shell keeps their bytes and sends them when a profiler arms ({@link #update}). While a profile
 * runs, this is also a transformer: classes the session defines meanwhile (the statement's own class)
 * are recorded and woven as they are defined. It is registered only then: a transformer costs every
 * class load a copy of its bytes, which under an exhausted heap can cost an OutOfMemoryError its stack trace.
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

    public static boolean isSessionLoader(ClassLoader loader) {
        return loader != null && loader.getClass().getName().equals(SESSION_LOADER);
    }

    @Override
    public byte[] transform(
            Module module,
            ClassLoader loader,
            String name,
            Class<?> redefined,
            ProtectionDomain domain,
            byte[] classBytes) {
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

    /** Takes the shell's copy of the session classes' bytes, by binary name. */
    void update(Map<?, ?> byBinaryName) {
        byBinaryName.forEach((name, classBytes) -> bytes.put(((String) name).replace('.', '/'), (byte[]) classBytes));
    }

    /**
     * Records a class's bytes as JShell loads or redefines it (the engine's load and redefine commands), so that
     * a profile reset can redefine session classes with their own bytes without asking the shell.
     */
    public void remember(String binaryName, byte[] classBytes) {
        bytes.put(binaryName.replace('.', '/'), classBytes);
    }

    /** The class's current bytes as the session defined them, or {@code null} when never seen. */
    public byte[] original(String internalName) {
        return bytes.get(internalName);
    }

    void ownRedefinition(boolean on) {
        ownRedefinition = on;
    }

    void weaving(Weaving w) {
        weaving = w;
    }
}
