package dev.perfshell.repl.magic;

import dev.perfshell.repl.session.InputHistory;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.shell.Console;
import dev.perfshell.repl.shell.JavaEvaluator;

/** What a magic may use: the session, the console, Java evaluation, the registry, result binding, history. */
public record MagicContext(Session session, Console console, JavaEvaluator evaluator, MagicRegistry registry,
                           ResultBinder binder, InputHistory history) {}
