package dev.perfshell.repl.session;

import jdk.jshell.SnippetEvent;

import java.util.List;

/**
 * One user snippet's evaluation.
 *
 * @param source      the snippet as evaluated
 * @param events      JShell's events: the snippet's own first, then snippets it updated
 * @param stopped     the snippet was stopped with Ctrl-C
 * @param engineDied  the engine JVM ended during the snippet (System.exit, a kill, a crash)
 * @param nanos       front-end wall time of the whole eval (compile, load, run)
 */
public record EvalOutcome(String source, List<SnippetEvent> events, boolean stopped, boolean engineDied, long nanos) {}
