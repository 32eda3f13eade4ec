package dev.perfshell.repl.jmh;

import dev.perfshell.repl.session.ReplayModel;
import dev.perfshell.repl.session.SnippetLog;
import dev.perfshell.repl.timeit.JavaStatements;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * The session's active snippets, in the order they were entered, as parts of a JMH benchmark class
 * (docs/magics/jmh.md, 'How the session gets into the benchmark'): the replay model's order and sources, with every variable given a type a field
 * can have. A variable whose type cannot be written (an anonymous class, an intersection) makes the
 * session unreplayable with its variables; the problem names the first such snippet, and the parts are
 * all the others.
 */
public record SessionReplay(List<SessionPart> parts, Optional<String> problem) {

    public static SessionReplay of(SnippetLog log) {
        List<SessionPart> parts = new ArrayList<>();
        String problem = null;
        List<SnippetLog.Entry> entries = log.entries();
        for (int i = 0; i < entries.size(); i++) {
            SnippetLog.Entry entry = entries.get(i);
            Snippet snippet = entry.snippet();
            String origin = "#" + snippet.id();
            if (entry.replayable() && entry.valueDiscarded()) {
                parts.add(SessionPart.statement(origin, entry.discardingStatement()));
                continue;
            }
            if (!entry.replayable() || entry.status() != Snippet.Status.VALID) {
                // A statement typed against an earlier definition of a variable still finds its value
                // if the earlier initialiser runs at its place (same name, same type).
                redefinedEarlier(entry, entries.subList(i + 1, entries.size()))
                        .ifPresent(init -> parts.add(
                                SessionPart.statement(origin, ((VarSnippet) snippet).name() + " = " + init + ";")));
                continue;
            }
            switch (snippet.kind()) {
                case IMPORT -> parts.add(SessionPart.imports(origin, withSemicolon(entry.source())));
                case TYPE_DECL -> parts.add(SessionPart.type(origin, entry.source()));
                case METHOD -> parts.add(SessionPart.method(origin, entry.source()));
                case VAR -> {
                    VarSnippet variable = (VarSnippet) snippet;
                    String type = DenotableTypes.project(variable.typeName());
                    if (type == null) {
                        // The first such variable is the problem; the parts go on, so --no-session (which drops every
                        // variable) still has the methods and types declared after it.
                        if (problem == null)
                            problem = origin + " " + ReplayModel.headline(entry.source()) + ": the type of '"
                                    + variable.name() + "' (" + shorten(variable.typeName())
                                    + ") cannot be written as a field type";
                        continue;
                    }
                    parts.add(
                            SessionPart.variable(origin, variable.name(), type, initializer(variable, entry.source())));
                }
                case EXPRESSION -> {
                    // A bare variable reference shows a value and changes nothing; an assignment does.
                    if (snippet.subKind() != Snippet.SubKind.VAR_VALUE_SUBKIND)
                        parts.add(SessionPart.statement(origin, withSemicolon(entry.source())));
                }
                case STATEMENT -> parts.add(SessionPart.statement(origin, withSemicolon(entry.source())));
                default -> {} // errors never reach the log as active snippets
            }
        }
        return new SessionReplay(List.copyOf(parts), Optional.ofNullable(problem));
    }

    /** What {@code --no-session} replays: the imports, types and methods, without the state. */
    public List<SessionPart> declarations() {
        return parts.stream().filter(part -> !isState(part)).toList();
    }

    /** What {@code --no-session} leaves out: the variables and the statements that built them. */
    public List<SessionPart> state() {
        return parts.stream().filter(SessionReplay::isState).toList();
    }

    private static boolean isState(SessionPart part) {
        return part.kind() == SessionPart.Kind.VARIABLE || part.kind() == SessionPart.Kind.STATEMENT;
    }

    /** The initialiser of an overwritten variable that a later, active definition keeps the same type of. */
    private static Optional<String> redefinedEarlier(SnippetLog.Entry entry, List<SnippetLog.Entry> later) {
        if (entry.status() != Snippet.Status.OVERWRITTEN || !(entry.snippet() instanceof VarSnippet old))
            return Optional.empty();
        if (old.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) return Optional.empty();
        boolean sameTypeLater = later.stream()
                .anyMatch(next -> next.replayable()
                        && next.snippet() instanceof VarSnippet now
                        && now.name().equals(old.name())
                        && now.typeName().equals(old.typeName()));
        return sameTypeLater ? Optional.ofNullable(initializer(old, entry.source())) : Optional.empty();
    }

    /**
     * The variable's initialiser as source, or {@code null}. JShell gives every variable of
     * {@code int a = 1, b = 2;} the whole declaration, so the declarator is found by name.
     */
    static String initializer(VarSnippet variable, String source) {
        if (variable.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) return stripSemicolon(source);
        for (JavaStatements.Statement statement : JavaStatements.parse(withSemicolon(source))) {
            if (!variable.name().equals(statement.name()) || statement.initializer() == null) continue;
            String init = statement.initializer();
            // int[] a = {1, 2}: an array initialiser is only legal in a declaration.
            return init.startsWith("{") ? "new " + DenotableTypes.project(variable.typeName()) + " " + init : init;
        }
        return null;
    }

    static String withSemicolon(String source) {
        String trimmed = source.strip();
        return trimmed.endsWith(";") || trimmed.endsWith("}") ? trimmed : trimmed + ";";
    }

    private static String stripSemicolon(String source) {
        String trimmed = source.strip();
        return trimmed.endsWith(";")
                ? trimmed.substring(0, trimmed.length() - 1).strip()
                : trimmed;
    }

    private static String shorten(String type) {
        return type.length() > 60 ? type.substring(0, 57) + "..." : type;
    }
}
