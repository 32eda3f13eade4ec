package dev.perfshell.repl.session;

import dev.perfshell.repl.link.Engine;
import jdk.jshell.Diag;
import jdk.jshell.SnippetEvent;

/** Why a replayed snippet did not come back, in a few words; {@code null} when it did. */
final class ReplayProblems {
    private ReplayProblems() {}

    static String of(EvalOutcome outcome, Engine engine) {
        if (outcome.engineDied()) return "the engine died again";
        if (outcome.events().isEmpty()) return "nothing was evaluated";
        SnippetEvent first = outcome.events().get(0);
        if (first.exception() != null) {
            String message = first.exception().getMessage();
            return "threw " + ExceptionNames.of(first.exception()) + (message == null ? "" : ": " + message);
        }
        if (!first.status().isActive()) {
            return engine.jshell()
                    .diagnostics(first.snippet())
                    .filter(Diag::isError)
                    .map(d -> d.getMessage(null).lines().findFirst().orElse(""))
                    .findFirst()
                    .orElse("rejected (" + first.status() + ")");
        }
        return null;
    }
}
