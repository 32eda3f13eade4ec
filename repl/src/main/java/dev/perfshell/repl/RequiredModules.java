package dev.perfshell.repl;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The JDK modules a session cannot run without: JShell (the compiler side) and JDI (how an engine on JDK 20+ is driven, and JShell's own need).
 * A JRE or a jlinked runtime may lack them; the launcher finds that in the JDK's release file, and this check
 * covers a JDK that has none, before any class that needs them is loaded (that would fail with a stack trace).
 */
final class RequiredModules {
    static final List<String> NEEDED = List.of("jdk.jshell", "jdk.jdi");

    private RequiredModules() {}

    /** The boot layer's answer: what {@link Main} asks. */
    static Optional<String> problemOfThisRuntime() {
        return problem(
                name -> ModuleLayer.boot().findModule(name).isPresent(),
                System.getProperty("java.home") + "/bin/java",
                System.getProperty("java.version"));
    }

    /**
     * @param present whether the runtime has a module of that name
     * @return one line saying what is missing and what to do, or empty when nothing is
     */
    static Optional<String> problem(Predicate<String> present, String java, String version) {
        List<String> missing = NEEDED.stream().filter(present.negate()).toList();
        if (missing.isEmpty()) return Optional.empty();
        return Optional.of("needs a full JDK; " + java + " (" + version + ") has no " + String.join(" and ", missing)
                + " (a JRE?). Next: set JAVA_HOME to a JDK 17+.");
    }
}
