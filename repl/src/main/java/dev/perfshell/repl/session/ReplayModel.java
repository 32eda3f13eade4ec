package dev.perfshell.repl.session;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.Snippet;
import jdk.jshell.VarSnippet;

/**
 * The session as a sequence of sources that rebuild it (docs/shell.md, 'Replay'): imports, types, methods,
 * variables and the statements that built their state, in the order they were entered.
 * An expression's value replays as {@code var $N = expr;} so later references to {@code $N} work.
 */
public record ReplayModel(List<Step> steps) {

    /** One source to evaluate, and where it came from ({@code #3}) for the report. */
    public record Step(String origin, String source) {}

    /** How a replay's messages name a snippet: its first line, cut to 60 characters. */
    public static String headline(String source) {
        String line = source.strip().lines().findFirst().orElse("");
        return line.length() > 60 ? line.substring(0, 57) + "..." : line;
    }

    public static ReplayModel of(SnippetLog log) {
        List<Step> steps = new ArrayList<>();
        for (SnippetLog.Entry entry : log.replayable()) {
            // A bare variable reference ("x") shows a value and changes nothing: nothing to rebuild.
            if (entry.snippet().subKind() == Snippet.SubKind.VAR_VALUE_SUBKIND) continue;
            steps.add(new Step("#" + entry.snippet().id(), replaySource(entry)));
        }
        return new ReplayModel(List.copyOf(steps));
    }

    private static String replaySource(SnippetLog.Entry entry) {
        Snippet snippet = entry.snippet();
        if (entry.valueDiscarded()) return entry.discardingStatement();
        if (snippet instanceof VarSnippet && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            VarSnippet temp = (VarSnippet) snippet;
            return "var " + temp.name() + " = " + entry.expression() + ";";
        }
        return entry.source();
    }
}
