package dev.perfshell.repl.magic;

import dev.perfshell.profiling.jit.JitEvents;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.why.JitNames;
import dev.perfshell.repl.why.WhyReport;

/**
 * %why's recording around one timing: armed before the engine times the snippet, taken after, so the compiler's
 * events are those of the timing only (and a timing without --why never records them).
 */
final class JitWatch {
    private final Session session;
    private final JitNames names;

    private JitWatch(Session session) {
        this.session = session;
        this.names = new JitNames(session.engine().jshell());
    }

    static JitWatch arm(Session session) throws EngineException {
        session.request(EngineRequest.whyArm());
        return new JitWatch(session);
    }

    /** What the JIT did during the timing of {@code timedClass}. */
    WhyReport take(String timedClass, double allocatedBytesPerOp) throws EngineException {
        JitEvents events = session.request(EngineRequest.whyTake(timedClass));
        return WhyReport.of(events, allocatedBytesPerOp, names);
    }

    /** Stops the recording of a timing that failed; a dead engine took it with it. */
    void abandon(String timedClass) {
        try {
            if (session.engine().alive()) session.request(EngineRequest.whyTake(timedClass));
        } catch (EngineException ignored) { // the failure is what the user hears about
        }
    }

    JitNames names() {
        return names;
    }
}
