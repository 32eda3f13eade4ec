package dev.perfshell.repl.session;

import java.util.List;
import jdk.jshell.Diag;
import jdk.jshell.SnippetEvent;

/**
 * One user snippet's evaluation.
 *
 * @param source      the snippet as evaluated
 * @param events      JShell's events: the snippet's own first, then snippets it updated
 * @param stopped     the snippet was stopped with Ctrl-C
 * @param engineDied  the engine JVM ended during the snippet (System.exit, a kill, a crash)
 * @param nanos       front-end wall time of the whole eval (compile, load, run)
 * @param overLimit   javac's errors when the snippet broke a class-file limit (a string constant or a method over
 *                    64 KiB): the snippet was not kept, and the engine was restarted with the session replayed,
 *                    because JShell's compiler stays broken after such a snippet; empty otherwise
 * @param restart     that restart's report, or {@code null}
 */
public record EvalOutcome(
        String source,
        List<SnippetEvent> events,
        boolean stopped,
        boolean engineDied,
        long nanos,
        List<Diag> overLimit,
        RestartReport restart) {
    public EvalOutcome(String source, List<SnippetEvent> events, boolean stopped, boolean engineDied, long nanos) {
        this(source, events, stopped, engineDied, nanos, List.of(), null);
    }
}
