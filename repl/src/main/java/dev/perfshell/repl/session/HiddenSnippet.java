package dev.perfshell.repl.session;

import dev.perfshell.repl.link.Engine;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * A snippet perfshell declared for itself, outside the session's log; closing drops it. Such snippets never show
 * in {@code /list}, {@code %history} or a replay (docs/shell.md).
 */
public final class HiddenSnippet implements AutoCloseable {
    private final Engine engine;
    private final List<SnippetEvent> events;

    HiddenSnippet(Engine engine, List<SnippetEvent> events) {
        this.engine = engine;
        this.events = events;
    }

    public List<SnippetEvent> events() {
        return events;
    }

    /** The declared snippet, or {@code null} when JShell produced none. */
    public Snippet snippet() {
        return events.isEmpty() ? null : events.get(0).snippet();
    }

    public boolean accepted() {
        return !events.isEmpty() && events.get(0).status().isActive();
    }

    /** JShell's compile errors for the declared snippet, which must exist ({@link #snippet()} not {@code null}). */
    public List<Diag> compileErrors() {
        return engine.jshell().diagnostics(snippet()).filter(Diag::isError).collect(Collectors.toList());
    }

    /**
     * A compile error as perfshell prints it for code it declared itself: {@code error: } and the message's first
     * line, the caret under the user's own text following it rather than javac's view of the generated source.
     */
    public static String errorLine(Diag diag) {
        return "error: " + diag.getMessage(Locale.ROOT).lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        if (!engine.alive()) return;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() == null
                    && engine.jshell().status(event.snippet()).isActive()) {
                engine.drop(event.snippet());
                engine.forgetClasses(event.snippet());
            }
        }
    }
}
