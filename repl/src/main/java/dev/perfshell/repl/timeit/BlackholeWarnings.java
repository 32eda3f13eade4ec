package dev.perfshell.repl.timeit;

import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.session.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The first timing in an engine checks that the values its loop consumes stay alive ({@code Session.ensureBlackhole}):
 * when the JIT optimised them away, the engine was restarted with JMH's full Blackhole, and the user is told so, with
 * what the restart could not replay; an engine whose check still fails is said to give results that may be too fast.
 * %timeit, %compare and %memit's B/op loop all time through it.
 */
public final class BlackholeWarnings {
    private BlackholeWarnings() {}

    /** Runs the check when the engine has not yet; the warnings to show, in order, none when all is well. */
    public static List<String> ensure(Session session) throws EngineException {
        List<String> warnings = new ArrayList<>();
        session.ensureBlackhole().ifPresent(report -> {
            warnings.add(
                    "The engine's blackhole self-check failed (consumed values were optimised away, "
                            + "a JVM option may have dropped JMH's CompileCommand): restarted the engine with JMH's full Blackhole.");
            report.skipped().forEach(skipped -> warnings.add("Not replayed: " + skipped));
            report.failed().forEach(failed -> warnings.add("Lost on replay: " + failed));
        });
        session.blackhole()
                .filter(check -> !check.passed())
                .ifPresent(check -> warnings.add("Consumed values may be optimised away in this engine ("
                        + check.describe() + "): results may be too fast."));
        return warnings;
    }
}
