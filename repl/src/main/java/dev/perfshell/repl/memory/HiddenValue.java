package dev.perfshell.repl.memory;

import dev.perfshell.profiling.jol.Footprint;
import dev.perfshell.repl.io.Caret;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.session.EvalOutcome;
import dev.perfshell.repl.session.FeedbackRenderer;
import dev.perfshell.repl.session.HiddenSnippet;
import dev.perfshell.repl.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jdk.jshell.Diag;
import jdk.jshell.VarSnippet;

/**
 * An expression evaluated once by perfshell for itself, its value either held in a hidden session
 * variable ({@code var perfshell$… = (EXPR);}) so the engine can measure the object graph it refers to,
 * or dropped at once ({@code { var perfshell$… = (EXPR); }}: nothing keeps it, as IPython keeps nothing of
 * what %memit runs). Closing clears the variable (the graph becomes garbage) and drops the snippet: it
 * never shows in /vars, history or replay.
 */
public final class HiddenValue implements AutoCloseable {
    private static final Set<String> PRIMITIVES =
            Set.of("boolean", "byte", "char", "short", "int", "long", "float", "double");

    private final Session session;
    private final String name;
    private final HiddenSnippet hidden;
    private final boolean kept;
    private final List<String> errors;

    private HiddenValue(Session session, String name, HiddenSnippet hidden, boolean kept, List<String> errors) {
        this.session = session;
        this.name = name;
        this.hidden = hidden;
        this.kept = kept;
        this.errors = List.copyOf(errors);
    }

    /** Evaluates {@code expression} into the hidden variable {@code name}, kept until closed. */
    public static HiddenValue declare(Session session, String name, String expression) {
        return declare(session, name, expression, true);
    }

    /**
     * Evaluates {@code expression}, into the hidden variable {@code name} when {@code keep}, else into a
     * local of a block, so the value is garbage as soon as the expression has run.
     */
    public static HiddenValue declare(Session session, String name, String expression, boolean keep) {
        return declare(session, name, expression, keep, "var");
    }

    private static HiddenValue declare(Session session, String name, String expression, boolean keep, String type) {
        String prefix = (keep ? "" : "{ ") + type + " " + name + " = (";
        String source = prefix + expression.strip() + (keep ? ");" : "); }");
        HiddenSnippet hidden = session.declareHidden(source);
        List<String> errors = new ArrayList<>();
        if (!hidden.accepted() && type.equals("var") && mentions(session, hidden, "infer")) {
            hidden.close(); // null has no type for var: hold it as an Object
            return declare(session, name, expression, keep, "Object");
        }
        if (!hidden.accepted()) {
            errors.addAll(compileErrors(hidden, expression.strip(), prefix.length()));
        } else if (hidden.events().get(0).exception() != null
                || session.engine().wasStopped()) {
            boolean stopped = session.engine().wasStopped();
            EvalOutcome outcome = new EvalOutcome(
                    expression, hidden.events(), stopped, !session.engine().alive(), 0);
            errors.addAll(new FeedbackRenderer()
                    .render(outcome, session.engine().jshell())
                    .errors());
        }
        return new HiddenValue(session, name, hidden, keep, errors);
    }

    /** The expression compiled and ran to its end. */
    public boolean ok() {
        return errors.isEmpty() && hidden.accepted();
    }

    /** Compile errors (caret under the expression as typed) or the exception it threw. */
    public List<String> errors() {
        return errors;
    }

    /** The variable's type as JShell names it, e.g. {@code ArrayList<Integer>} or {@code int}; empty when not kept. */
    public String typeName() {
        return kept && hidden.snippet() instanceof VarSnippet variable ? variable.typeName() : "";
    }

    public boolean primitive() {
        return PRIMITIVES.contains(typeName());
    }

    /** The deep footprint of the value (JOL, in the engine); {@link Footprint#ofNull()} for null. */
    public Footprint footprint(boolean layout) throws EngineException {
        if (!kept) throw new IllegalStateException("the value of " + name + " was not kept");
        return session.request(EngineRequest.sizeof(binaryName(), name, layout));
    }

    private String binaryName() {
        return session.engine()
                .jshell()
                .sourceCodeAnalysis()
                .wrapper(hidden.snippet())
                .fullClassName();
    }

    @Override
    public void close() {
        if (kept && ok() && !primitive() && session.engine().alive()) {
            // A dropped variable's field keeps its value in the loaded class: clear it first. In the engine,
            // not with a snippet "name = null;": JShell keeps every snippet, with its whole import list.
            try {
                session.request(EngineRequest.forget(binaryName(), name));
            } catch (EngineException e) {
                // the engine died meanwhile: its values went with it
            }
        }
        hidden.close();
    }

    private static boolean mentions(Session session, HiddenSnippet hidden, String word) {
        return hidden.snippet() != null
                && session.engine()
                        .jshell()
                        .diagnostics(hidden.snippet())
                        .anyMatch(diag -> diag.getMessage(Locale.ROOT).contains(word));
    }

    private static List<String> compileErrors(HiddenSnippet hidden, String expression, int offset) {
        if (hidden.snippet() == null) return List.of("error: " + expression + " is not an expression");
        List<Diag> diags = hidden.compileErrors();
        if (diags.isEmpty())
            return List.of("error: not a value: " + expression + " ("
                    + hidden.events().get(0).status() + ")");
        List<String> lines = new ArrayList<>();
        for (Diag diag : diags) {
            lines.add(HiddenSnippet.errorLine(diag));
            long position = diag.getPosition() - offset;
            if (position >= 0 && position <= expression.length()) {
                lines.addAll(Caret.under(
                        expression,
                        Math.max(0, diag.getStartPosition() - offset),
                        position,
                        Math.min(expression.length(), diag.getEndPosition() - offset)));
            }
        }
        return lines;
    }
}
