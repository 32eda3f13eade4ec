package dev.perfshell.repl.session;

import dev.perfshell.repl.io.Caret;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.TypeDeclSnippet;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Turns JShell's events into what jshell users expect to read: {@code $1 ==> 2}, a brief
 * "created method fib(int)", a compile error with a caret under the column, an exception with
 * its stack trimmed to snippet frames ({@code at fib (#3:2)}).
 */
public final class FeedbackRenderer {
    private static final int MAX_FRAMES = 8;

    private final java.util.function.IntSupplier valueWidth;

    /** Values cut as jshell's normal feedback mode cuts them (100 characters). */
    public FeedbackRenderer() {
        this(() -> ValueWidth.DEFAULT);
    }

    /** @param valueWidth the session's width for a value's echo ({@code /set truncation}) */
    public FeedbackRenderer(java.util.function.IntSupplier valueWidth) {
        this.valueWidth = valueWidth;
    }

    /** The lines for one evaluation: what it produced, or why it failed. */
    public record Feedback(List<String> values, List<String> errors) {
        public boolean failed() {
            return !errors.isEmpty();
        }
    }

    public Feedback render(EvalOutcome outcome, JShell jshell) {
        return render(outcome, jshell, true);
    }

    /** @param showTemporaryValues false: an expression's {@code $N ==> value} line is left out (its value is discarded) */
    public Feedback render(EvalOutcome outcome, JShell jshell, boolean showTemporaryValues) {
        List<String> values = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (outcome.engineDied()) return new Feedback(values, errors); // the shell reports the death
        if (outcome.stopped()) {
            errors.add("Stopped: the snippet was interrupted (Ctrl-C).");
            return new Feedback(values, errors);
        }
        if (!outcome.overLimit().isEmpty()) {
            errors.addAll(diagnostics(outcome.overLimit(), outcome.source()));
            RestartReport restart = outcome.restart();
            errors.add(
                    "Not kept: a class file cannot hold it (64 KiB limits); JShell's compiler breaks on it, so the engine was "
                            + "restarted"
                            + (restart == null
                                    ? ""
                                    : " and " + restart.restored().size() + " snippets replayed")
                            + ". Next: split it, or read the data from a file.");
            return new Feedback(values, errors);
        }
        for (SnippetEvent event : outcome.events()) {
            if (event.causeSnippet() == null)
                main(event, jshell, showTemporaryValues ? values : temporaryValuesLeftOut(event, values), errors);
            else update(event, jshell, values);
        }
        return new Feedback(values, errors);
    }

    /** The value lines of a {@code $N} variable's event go nowhere; every other event's go to {@code values}. */
    private static List<String> temporaryValuesLeftOut(SnippetEvent event, List<String> values) {
        return event.snippet() instanceof VarSnippet
                        && event.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                ? new ArrayList<>()
                : values;
    }

    private void main(SnippetEvent event, JShell jshell, List<String> values, List<String> errors) {
        Snippet snippet = event.snippet();
        if (event.status() == Snippet.Status.REJECTED) {
            errors.addAll(compileErrors(snippet, jshell));
            return;
        }
        if (event.exception() != null) {
            errors.addAll(exception(event.exception()));
            return;
        }
        String line = acknowledge(event, jshell);
        if (line != null) values.add(line);
    }

    private String acknowledge(SnippetEvent event, JShell jshell) {
        Snippet snippet = event.snippet();
        switch (snippet.kind()) {
            case VAR:
                VarSnippet variable = (VarSnippet) snippet;
                // perfshell's own results (-o) echo their whole line, IPython's, which can pass the width
                boolean ours = variable.typeName().contains("dev.perfshell.")
                        || variable.source().contains("dev.perfshell.");
                String value = ours ? event.value() : truncated(event.value(), valueWidth.getAsInt());
                return variable.name() + " ==> " + value + unresolved(snippet, jshell);
            case EXPRESSION:
                return ((ExpressionSnippet) snippet).name() + " ==> " + truncated(event.value(), valueWidth.getAsInt());
            case METHOD:
                MethodSnippet method = (MethodSnippet) snippet;
                return verb(event) + " method " + method.name() + "(" + method.parameterTypes() + ")"
                        + unresolved(snippet, jshell);
            case TYPE_DECL:
                TypeDeclSnippet type = (TypeDeclSnippet) snippet;
                return verb(event) + " " + typeWord(type) + " " + type.name() + unresolved(snippet, jshell);
            default:
                return null; // imports and statements are silent, as in jshell
        }
    }

    /** A value's echo is cut to this many characters by default, as jshell's normal feedback mode cuts long values. */
    static final int VALUE_WIDTH = ValueWidth.DEFAULT;
    /**
     * JShell's engine link writes a value with {@code DataOutput.writeUTF}, whose 64 KiB bound it keeps by cutting
     * the value to 21,844 characters (three bytes each at worst): a value this long has lost its end on the way.
     */
    static final int LINK_VALUE_LIMIT = 21_844;

    /**
     * The value as jshell's normal feedback shows it: whole up to {@link #VALUE_WIDTH} characters, else its start
     * and end around {@code " ... "} (a million-element list echoed 20 KB; {@code System.out.println} prints it whole).
     */
    static String truncated(String value) {
        return truncated(value, VALUE_WIDTH);
    }

    /** As {@link #truncated(String)}, cut to {@code width} characters ({@code 0}: the whole value). */
    static String truncated(String value, int width) {
        if (value == null || width == 0 || value.length() <= width) return value;
        // The end that arrived is not the value's end (a million-element list ended "... 3824, 382"): show no tail.
        if (value.length() >= LINK_VALUE_LIMIT) {
            String head = value.substring(0, width - 4);
            int space = head.lastIndexOf(' ');
            if (space > head.length() / 2) head = head.substring(0, space); // "24, 25, ...", not "24, 25, 2 ..."
            return head.stripTrailing() + " ...";
        }
        String gap = " ... ";
        int head = (width - gap.length()) * 2 / 3;
        int tail = width - gap.length() - head;
        String end = value.substring(value.length() - tail).stripLeading();
        if (end.startsWith(",")) end = end.substring(1).stripLeading(); // "0, ... 0, 0 }", not "0, ... , 0 }"
        return value.substring(0, head).stripTrailing() + gap + end;
    }

    private static String verb(SnippetEvent event) {
        if (event.previousStatus() == Snippet.Status.NONEXISTENT) return "created";
        return event.isSignatureChange() ? "replaced" : "modified";
    }

    private static String typeWord(TypeDeclSnippet type) {
        switch (type.subKind()) {
            case INTERFACE_SUBKIND:
                return "interface";
            case ENUM_SUBKIND:
                return "enum";
            case ANNOTATION_TYPE_SUBKIND:
                return "annotation interface";
            case RECORD_SUBKIND:
                return "record";
            default:
                return "class";
        }
    }

    private static String unresolved(Snippet snippet, JShell jshell) {
        if (!(snippet instanceof DeclarationSnippet)) return "";
        List<String> missing =
                jshell.unresolvedDependencies((DeclarationSnippet) snippet).collect(Collectors.toList());
        if (missing.isEmpty()) return "";
        return ", however, it cannot be used until " + String.join(", ", missing) + " is declared";
    }

    private void update(SnippetEvent event, JShell jshell, List<String> values) {
        if (event.status() == event.previousStatus()) return;
        if (event.status() == Snippet.Status.RECOVERABLE_DEFINED
                || event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
            values.add("  update: " + describe(event.snippet()) + unresolved(event.snippet(), jshell));
        }
    }

    private static String describe(Snippet snippet) {
        if (snippet instanceof MethodSnippet)
            return "method " + ((MethodSnippet) snippet).name() + "(" + ((MethodSnippet) snippet).parameterTypes()
                    + ")";
        if (snippet instanceof DeclarationSnippet) return ((DeclarationSnippet) snippet).name();
        return "#" + snippet.id();
    }

    /** "error: cannot find symbol", detail lines, then the source line with a caret under the culprit. */
    List<String> compileErrors(Snippet snippet, JShell jshell) {
        List<Diag> diags = jshell.diagnostics(snippet).filter(Diag::isError).collect(Collectors.toList());
        if (diags.isEmpty())
            return List.of("error: the snippet was rejected ("
                    + snippet.kind().toString().toLowerCase(Locale.ROOT) + ")");
        return diagnostics(diags, snippet.source());
    }

    private static List<String> diagnostics(List<Diag> diags, String source) {
        List<String> lines = new ArrayList<>();
        for (Diag diag : diags) {
            String[] message = diag.getMessage(Locale.ROOT).split("\n");
            lines.add("error: " + message[0]);
            for (int i = 1; i < message.length; i++) {
                String detail = message[i].strip();
                if (!detail.equals("location: class"))
                    lines.add("  " + detail); // snippets live in a wrapper class: noise
            }
            lines.addAll(Caret.under(source, diag.getStartPosition(), diag.getPosition(), diag.getEndPosition()));
        }
        return lines;
    }

    /** The exception and the snippet frames of its stack, cause chain included. */
    List<String> exception(Exception thrown) {
        List<String> lines = new ArrayList<>();
        if (thrown instanceof UnresolvedReferenceException) {
            DeclarationSnippet missing = ((UnresolvedReferenceException) thrown).getSnippet();
            lines.add("error: " + describe(missing) + " cannot be used until what it needs is declared");
            return lines;
        }
        Throwable current = thrown;
        String prefix = "Exception ";
        while (current != null) {
            String message = current.getMessage();
            lines.add(prefix + ExceptionNames.of(current) + (message == null ? "" : ": " + message));
            lines.addAll(frames(current.getStackTrace()));
            current = current.getCause();
            prefix = "Caused by: ";
        }
        String hint = Hints.forException(ExceptionNames.of(thrown));
        if (hint != null) lines.add(hint);
        return lines;
    }

    /** Snippet frames only ({@code #3:2} files); a deep recursion is shortened to its top. */
    static List<String> frames(StackTraceElement[] stack) {
        List<String> lines = new ArrayList<>();
        int snippetFrames = 0;
        for (StackTraceElement frame : stack) {
            if (frame.getFileName() == null || !frame.getFileName().startsWith("#")) continue;
            snippetFrames++;
            if (snippetFrames <= MAX_FRAMES) lines.add("      at " + location(frame));
        }
        if (snippetFrames > MAX_FRAMES) lines.add("      ... " + (snippetFrames - MAX_FRAMES) + " more snippet frames");
        return lines;
    }

    private static String location(StackTraceElement frame) {
        String where = "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")";
        String method = frame.getMethodName();
        return method.isBlank() || method.startsWith("do_it$") ? where : method + " " + where;
    }
}
