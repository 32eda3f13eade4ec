package dev.perfshell.profiling.probe;

import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Installs woven bytes into loaded classes and puts their own bytes back, both with
 * {@code redefineClasses} (never a retransform: JDK-7124710 on 17). Remembers what it changed, so a
 * restore puts back every class it woven, also those woven as they were defined.
 */
final class ClassSwap {
    private final Instrumentation instrumentation;
    private final SessionClassBytes classBytes;
    private final Map<Class<?>, byte[]> installed = new LinkedHashMap<>();
    private final Map<String, ClassLoader> definedWoven = new LinkedHashMap<>();

    ClassSwap(Instrumentation instrumentation, SessionClassBytes classBytes) {
        this.instrumentation = instrumentation;
        this.classBytes = classBytes;
    }

    /** Session classes (of its loader, not hidden, modifiable) whose bytes are known, that {@code wanted} accepts. */
    List<Class<?>> sessionClasses(java.util.function.Predicate<Class<?>> wanted) {
        List<Class<?>> found = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (!SessionClassBytes.isSessionLoader(type.getClassLoader()) || type.isHidden() || type.isArray())
                continue;
            if (!instrumentation.isModifiableClass(type) || original(type) == null || !wanted.test(type)) continue;
            found.add(type);
        }
        return found;
    }

    /**
     * The class's own bytes: a snippet's as the shell defined it, or a jar class's as its loader reads them
     * (JShell never redefines those).
     */
    byte[] original(Class<?> type) {
        String internal = type.getName().replace('.', '/');
        byte[] known = classBytes.original(internal);
        if (known != null || type.getName().startsWith("REPL.")) return known;
        try (java.io.InputStream in = type.getClassLoader().getResourceAsStream(internal + ".class")) {
            return in == null ? null : in.readAllBytes();
        } catch (java.io.IOException unreadable) {
            return null;
        }
    }

    /** Takes the shell's copy of the snippet classes' bytes. */
    void update(Map<?, ?> byBinaryName) {
        classBytes.update(byBinaryName);
    }

    /** Installs woven bytes (one batch). */
    void install(Map<Class<?>, byte[]> woven) throws ClassNotFoundException, UnmodifiableClassException {
        List<ClassDefinition> definitions = new ArrayList<>();
        woven.forEach((type, bytes) -> {
            definitions.add(new ClassDefinition(type, bytes));
            installed.put(type, original(type));
        });
        redefine(definitions);
    }

    /** Weaves classes the session defines from now on until {@link #restore}, with {@code weaving}. */
    void weaveDefinitions(SessionClassBytes.Weaving weaving) {
        instrumentation.addTransformer(classBytes);
        classBytes.weaving((name, loader, original) -> {
            byte[] woven = weaving.weave(name, loader, original);
            if (woven != null) definedWoven.put(name, loader);
            return woven;
        });
    }

    /** Puts every changed class's own bytes back. */
    void restore() throws ClassNotFoundException, UnmodifiableClassException {
        classBytes.weaving(null);
        List<ClassDefinition> restore = new ArrayList<>();
        installed.forEach((type, original) -> restore.add(new ClassDefinition(type, original)));
        for (Map.Entry<String, ClassLoader> defined : definedWoven.entrySet()) {
            Class<?> type = loaded(defined.getKey(), defined.getValue());
            byte[] original = classBytes.original(defined.getKey());
            if (type != null && original != null) restore.add(new ClassDefinition(type, original));
        }
        installed.clear();
        definedWoven.clear();
        try {
            redefine(restore);
        } finally {
            instrumentation.removeTransformer(classBytes);
        }
    }

    private void redefine(List<ClassDefinition> definitions) throws ClassNotFoundException, UnmodifiableClassException {
        if (definitions.isEmpty()) return;
        classBytes.ownRedefinition(true);
        try {
            instrumentation.redefineClasses(definitions.toArray(new ClassDefinition[0]));
        } finally {
            classBytes.ownRedefinition(false);
        }
    }

    private static Class<?> loaded(String internalName, ClassLoader loader) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, loader);
        } catch (ClassNotFoundException | LinkageError gone) {
            return null;
        }
    }
}
