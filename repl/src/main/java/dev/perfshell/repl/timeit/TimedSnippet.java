package dev.perfshell.repl.timeit;

import dev.perfshell.repl.io.Caret;
import dev.perfshell.repl.session.HiddenSnippet;
import dev.perfshell.repl.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.Snippet;

/**
 * A generated {@code Timed} class declared in the session as a hidden snippet, ready for the engine's
 * timing loop (%timeit, and %memit's per-operation allocation), or the errors that stopped it, with the
 * caret in what the user typed. Closing drops it.
 */
public final class TimedSnippet implements AutoCloseable {
    private final Session session;
    private final HiddenSnippet hidden;
    private final TimedSource source;
    private final List<String> errors;

    private TimedSnippet(Session session, HiddenSnippet hidden, TimedSource source, List<String> errors) {
        this.session = session;
        this.hidden = hidden;
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    /**
     * Generates and declares the class. An expression whose type was unknown until compiled and turned
     * out to be void is declared again as a statement.
     */
    public static TimedSnippet declare(
            Session session, String className, String code, String setup, boolean asStatement)
            throws TimedSourceBuilder.SetupTypeException {
        return declare(session, className, code, setup, asStatement, List.of());
    }

    /**
     * @param extraFields field declarations added to the class: a sweep's parameter ({@code int n = 1000;}),
     *                    a field so the JIT cannot hoist or fold it
     */
    public static TimedSnippet declare(
            Session session, String className, String code, String setup, boolean asStatement, List<String> extraFields)
            throws TimedSourceBuilder.SetupTypeException {
        TimedSource source = new TimedSourceBuilder(session.engine().jshell().sourceCodeAnalysis())
                .build(className, code, setup, asStatement, extraFields);
        HiddenSnippet hidden = session.declareHidden(source.source());
        if (!hidden.accepted()) {
            List<String> errors = compileErrors(hidden, source);
            if (!asStatement && errors.stream().anyMatch(e -> e.contains("'void' type not allowed"))) {
                hidden.close();
                return declare(session, className + "S", code, setup, true, extraFields);
            }
            return new TimedSnippet(session, hidden, source, errors);
        }
        if (hidden.events().get(0).status() != Snippet.Status.VALID) {
            List<String> missing = session.engine()
                    .jshell()
                    .unresolvedDependencies((DeclarationSnippet) hidden.snippet())
                    .collect(Collectors.toList());
            return new TimedSnippet(
                    session,
                    hidden,
                    source,
                    List.of("error: cannot find "
                            + (missing.isEmpty() ? "what the snippet uses" : String.join(", ", missing))
                            + " in the session. Next: declare it first."));
        }
        return new TimedSnippet(session, hidden, source, List.of());
    }

    /**
     * The errors of declaring the class, dropped right after: {@code --fresh} says them before a whole session is
     * replayed into a new engine for nothing. Empty when it compiles.
     */
    public static List<String> check(
            Session session, String className, String code, String setup, List<String> extraFields)
            throws TimedSourceBuilder.SetupTypeException {
        try (TimedSnippet check = declare(session, className, code, setup, false, extraFields)) {
            return check.errors();
        }
    }

    public boolean ok() {
        return errors.isEmpty();
    }

    /** Error lines, with carets under the user's code or setup; empty when {@link #ok()}. */
    public List<String> errors() {
        return errors;
    }

    public TimedSource source() {
        return source;
    }

    /** The generated class's binary name in the engine. */
    public String binaryName() {
        return session.engine()
                        .jshell()
                        .sourceCodeAnalysis()
                        .wrapper(hidden.snippet())
                        .fullClassName() + "$" + source.className();
    }

    @Override
    public void close() {
        hidden.close();
    }

    /** Errors in the user's code or setup, with the caret in what they typed; others as they are. */
    private static List<String> compileErrors(HiddenSnippet timed, TimedSource source) {
        List<Diag> diags = timed.compileErrors();
        if (diags.isEmpty())
            return List.of("error: the snippet could not be timed ("
                    + timed.events().get(0).status() + ")");
        List<String> lines = new ArrayList<>();
        for (Diag diag : diags) {
            lines.add(HiddenSnippet.errorLine(diag));
            TimedSource.Region region = source.code().contains(diag.getPosition())
                    ? source.code()
                    : source.setup().contains(diag.getPosition()) ? source.setup() : null;
            if (region == null) continue;
            lines.addAll(Caret.under(
                    region.text(),
                    region.local(diag.getStartPosition()),
                    region.local(diag.getPosition()),
                    region.local(diag.getEndPosition())));
        }
        return lines;
    }
}
