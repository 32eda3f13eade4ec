package dev.perfshell.repl.magic;

import dev.perfshell.profiling.probe.ProbesArmed;
import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.session.JavaEvaluator;
import dev.perfshell.repl.session.Session;
import dev.perfshell.timing.runtime.OnceTiming;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of a statement between arming the engine's probes and taking what they recorded, as %prun, %lprun and
 * %mprun make it. The statement's own wall time is measured beside the probes, as %time measures it, and what the
 * statement printed is kept for after the report, so the three profilers read and report a run alike.
 *
 * @param armed  the engine's reply to the arm
 * @param taken  the engine's reply to the take: the profile and its samples
 * @param result the statement's evaluation
 * @param timing the statement's wall time as %time measures it, or {@code null} when the engine had none
 * @param values what the statement printed, shown after the report
 * @param errors what it printed on stderr and its exception, shown after the report
 */
record ProbedRun<T>(
        ProbesArmed armed,
        T taken,
        JavaEvaluator.Result result,
        OnceTiming timing,
        List<String> values,
        List<String> errors) {

    /**
     * Arms the engine, runs the code, takes the profile; {@code null} (after saying why) when the probes could not be
     * installed, the engine died, or nothing ran.
     *
     * @param magic   the magic as typed ({@code %prun}), for the messages
     * @param example a use of the magic, for the message when the code had nothing to run
     */
    static <T> ProbedRun<T> of(
            MagicContext context,
            String magic,
            String example,
            EngineRequest<ProbesArmed> arm,
            EngineRequest<T> take,
            String code)
            throws EngineException {
        Console console = context.console();
        Session session = context.session();
        ProbesArmed armed;
        try {
            armed = session.request(arm);
        } catch (EngineException e) {
            console.error(magic + " could not install its probes: " + e.getMessage());
            return null;
        }
        List<String> values = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        session.request(EngineRequest.armTiming()); // the statement's own wall time, as %time measures it
        JavaEvaluator.Result result = context.evaluator().evaluateDiscardingValues(code, values::add, errors::add);
        if (!session.engine().alive()) {
            errors.forEach(console::error);
            return null; // the shell reports the death; a new engine has no probes
        }
        OnceTiming timing = session.request(EngineRequest.takeTiming(result.nanos()));
        T taken = session.request(take);
        if (!result.ran()) {
            errors.forEach(console::error);
            if (result.nothingToRun()) console.error(JavaEvaluator.Result.nothingRanMessage(magic, example));
            return null;
        }
        return new ProbedRun<>(armed, taken, result, timing, values, errors);
    }

    /** The statement's wall time as %time measures it, or {@code otherwise} when the engine had none. */
    long wallNanos(long otherwise) {
        return timing != null ? timing.wallNanos() : otherwise;
    }
}
