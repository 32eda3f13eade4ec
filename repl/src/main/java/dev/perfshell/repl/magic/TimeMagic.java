package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.render.TimeRenderer;
import dev.perfshell.repl.session.JavaEvaluator;
import dev.perfshell.repl.timeit.TimeDetails;
import dev.perfshell.timing.runtime.OnceTiming;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code %time STATEMENT} and {@code %%time}: run once in the engine, then IPython's lines (CPU
 * user/sys/total, wall) plus the engine process's CPU (JIT, GC, worker threads) and GC activity,
 * then the value. Declarations made in {@code %%time} stay in the session, as IPython keeps assignments.
 */
@Command(
        name = "time",
        description = "Run code once: CPU (user, sys), wall time, engine CPU and GC, then its value.",
        footer = {
            "",
            "The code runs as typed in the session, so its declarations stay. Times cover the snippet's execution in the engine; compiling it is shown as 'Compiler' when > 100 ms."
        })
final class TimeMagic extends CodeMagic {
    @Option(
            names = {"-o", "--bind"},
            arity = "0..1",
            fallbackValue = "",
            paramLabel = "NAME",
            description = "Bind the timing (an OnceTiming record) to a session variable: NAME, or $tN.")
    String bind;

    @Override
    public boolean acceptsCell() {
        return true;
    }

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        if (input.cell() && !input.code().isBlank()) {
            console.error("%%time takes no code on its first line. Next: put the statements on the following lines.");
            return false;
        }
        if (input.text().isBlank()) {
            console.error("%time needs code to run. Example: %time fib(30)");
            return false;
        }
        context.session().request(EngineRequest.armTiming());
        List<String> values = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        JavaEvaluator.Result result = context.evaluator().evaluate(input.text(), values::add, errors::add);
        if (!context.session().engine().alive()) {
            errors.forEach(console::error);
            return false; // the shell reports the engine's death and restores the session
        }
        OnceTiming timing = context.session().request(EngineRequest.takeTiming(result.nanos()));
        if (timing != null) {
            TimeRenderer.render(timing).forEach(console::println);
        }
        if (timing != null && !result.failed())
            context.record(origin -> TimeDetails.record(input.text(), timing, origin));
        values.forEach(console::println);
        errors.forEach(console::error);
        if (result.nothingToRun()) {
            console.error(JavaEvaluator.Result.nothingRanMessage("%time", "%time fib(30)"));
            return false;
        }
        boolean bound = timing == null
                || bind == null
                || context.binder().bind('t', bind, TimeRenderer.constructor(timing), context.evaluator(), console);
        return !result.failed() && bound;
    }
}
