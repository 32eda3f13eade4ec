package dev.perfshell.repl.link;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The current bytes of every class JShell defined or redefined in one engine, by binary name, and which
 * of them that engine already has. %prun and %lprun weave their probes from these bytes (the engine's class
 * loader keeps no bytes a weaver could read, and a transformer for the engine's whole life costs every class load); the engine keeps what it was sent, so a
 * profiler sends only what changed since, not every class of a long session each time.
 */
final class SessionClassFiles {
    private final Map<String, byte[]> bytes = new ConcurrentHashMap<>();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();

    /** A class JShell loaded or redefined: its new bytes, not yet sent. */
    void record(String binaryName, byte[] classFile) {
        bytes.put(binaryName, classFile);
        sent.remove(binaryName);
    }

    /** The classes whose current bytes the engine has not been sent; from now on counted as sent. */
    HashMap<String, byte[]> unsent() {
        HashMap<String, byte[]> unsent = new HashMap<>();
        bytes.forEach((name, classFile) -> {
            if (sent.add(name)) unsent.put(name, classFile);
        });
        return unsent;
    }

    /**
     * Forgets a dropped snippet's classes, its wrapper {@code wrapperName} and the classes nested in it:
     * perfshell's own snippets (a %timeit's class) are dropped after use and never profiled.
     */
    void forget(String wrapperName) {
        Predicate<String> dropped = name -> name.equals(wrapperName) || name.startsWith(wrapperName + "$");
        bytes.keySet().removeIf(dropped);
        sent.removeIf(dropped);
    }

    int size() {
        return bytes.size();
    }
}
