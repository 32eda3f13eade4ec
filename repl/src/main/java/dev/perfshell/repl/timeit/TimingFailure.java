package dev.perfshell.repl.timeit;

import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.session.Session;
import java.util.Optional;

/**
 * Why a timing in the engine measured nothing: the user stopped it (Ctrl-C), or the code threw. A dead engine says
 * nothing here: the shell reports the death. %timeit, each value of its sweeps and %compare say it alike.
 */
public final class TimingFailure {
    private TimingFailure() {}

    /** The line for a timing that measured nothing, or none when the engine died. */
    public static Optional<String> of(Session session, EngineException e) {
        return say(
                session,
                "Stopped: timing interrupted (Ctrl-C); nothing was measured.",
                "Exception " + e.getMessage() + " (thrown while timing; nothing was measured)");
    }

    /**
     * The line for a sweep that failed at one value: nothing of the sweep is kept.
     *
     * @param message the exception's message
     */
    public static Optional<String> atValue(Session session, String message, String name, long value) {
        return say(
                session,
                "Stopped: timing interrupted (Ctrl-C) at " + name + "=" + value + "; nothing was kept.",
                "Exception " + message + " (thrown while timing " + name + "=" + value + "; nothing was kept)");
    }

    private static Optional<String> say(Session session, String stopped, String threw) {
        if (session.engine().wasStopped()) return Optional.of(stopped);
        if (session.engine().alive()) return Optional.of(threw);
        return Optional.empty();
    }
}
