package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.results.ResultsStore;
import dev.perfshell.repl.results.SweepFit;
import dev.perfshell.repl.script.ScriptHost;
import dev.perfshell.repl.session.InputHistory;
import dev.perfshell.repl.session.JavaEvaluator;
import dev.perfshell.repl.session.Session;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a magic may use: the session, the console, Java evaluation, the registry, result binding, history,
 * the results store, where the running input came from (for the records it adds), and the shell's environment
 * variables as {@code Main} received them (injected, never {@code System.getenv()}, so tests choose
 * {@code PERFSHELL_HOME} and {@code DISPLAY}).
 */
public record MagicContext(
        Session session,
        Console console,
        JavaEvaluator evaluator,
        MagicRegistry registry,
        ResultBinder binder,
        InputHistory history,
        ResultsStore results,
        Supplier<ResultOrigin> origin,
        ScriptHost scripts,
        Map<String, String> env) {

    public MagicContext {
        env = Map.copyOf(env);
    }

    /** Adds a result measured by the running input, stamped with its script and line. */
    public void record(Function<ResultOrigin, ResultRecord> result) {
        results.add(result.apply(origin.get()));
    }

    /** Adds a sweep's results, one per value in order; the last carries the complexity fitted to them all. */
    public void recordSweep(List<Function<ResultOrigin, ResultRecord>> sweep, SweepFit fit) {
        for (int i = 0; i < sweep.size(); i++) {
            Function<ResultOrigin, ResultRecord> make = sweep.get(i);
            boolean last = i == sweep.size() - 1;
            record(origin -> last ? make.apply(origin).withComplexity(fit) : make.apply(origin));
        }
    }
}
