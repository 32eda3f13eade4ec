package dev.perfshell.repl.why;

import dev.perfshell.profiling.jit.JitEvents.MethodRef;
import dev.perfshell.repl.profile.ProfileReader;
import dev.perfshell.repl.session.SnippetSources;
import java.util.Optional;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * The JIT's methods as %why names them: as %prun does ({@code fib(int)}, {@code Shape.area()},
 * {@code java.util.HashMap.merge(Object, Object, BiFunction)}), the generated timing class's code as
 * {@code <snippet>}, a lambda as {@code lambda}, and source lines of the session's code as the snippet's own.
 */
public final class JitNames {
    private final SnippetSources sources;

    public JitNames(JShell jshell) {
        this.sources = new SnippetSources(jshell);
    }

    /** Names without a session (tests, and code that is not the session's). */
    JitNames() {
        this.sources = null;
    }

    public String method(MethodRef method) {
        if (method.name().startsWith("perfshell$")) return "<snippet>";
        if (method.owner().contains("$$Lambda")) return "lambda";
        if (method.name().startsWith("lambda$"))
            return "lambda in " + method.name().split("\\$")[1];
        boolean session = SnippetSources.isSnippetClass(method.owner());
        return ProfileReader.method(method.owner().replace('.', '/'), method.name(), method.descriptor(), !session);
    }

    /** {@code " at line 3"} of the snippet the method is in, the class file's line elsewhere, or "" when unknown. */
    public String line(MethodRef method, int classLine) {
        if (classLine <= 0 || method.name().startsWith("perfshell$")) return "";
        if (sources == null || !SnippetSources.isSnippetClass(method.owner())) return " at line " + classLine;
        Optional<Snippet> snippet = sources.snippetOf(method.owner());
        if (snippet.isEmpty()) return "";
        int line = sources.snippetLine(snippet.get(), classLine);
        return line > 0 ? " at line " + line + " of #" + snippet.get().id() : "";
    }
}
