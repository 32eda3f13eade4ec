package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.memory.BytesPerOp;
import dev.perfshell.repl.memory.MemitDetails;
import dev.perfshell.repl.memory.MemitReport;
import dev.perfshell.repl.memory.StatementRuns;
import dev.perfshell.repl.render.MemitRenderer;
import dev.perfshell.repl.session.JavaEvaluator;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.timeit.BlackholeWarnings;
import dev.perfshell.repl.timeit.TimedSourceBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code %memit [options] STATEMENT} and {@code %%memit [options] [SETUP]} with the statement on the
 * following lines: memory_profiler's {@code peak memory / increment} line, measured on the heap where a
 * JVM statement's memory lives, then the JVM's exact figures. The statement runs once per repeat; an
 * expression's allocation per operation is then measured in a loop, as JMH's {@code gc.alloc.rate.norm}. A
 * {@code --param} sweep is {@link MemitSweep}'s.
 */
@Command(
        name = "memit",
        description =
                "Memory of a statement run once: peak heap and increment (memory_profiler's line), allocated, retained, GC; B/op.",
        footer = {
            "",
            "peak memory: the most heap used while the statement ran, short-lived garbage included (heap use only grows between collections, and the JVM reports it at each one); increment: that peak minus the heap used before (after a full collection). allocated: the thread's exact allocation counter. retained: heap used after a full collection, minus before. Process RSS is secondary: the JVM reuses heap pages.",
            "",
            "An expression's value is not kept (as in IPython). Its B/op is measured by looping it, the value kept alive, unless it retained what it allocated. Statements and declarations run as typed and stay in the session."
        })
final class MemitMagic extends SetupCellMagic {
    @Mixin
    MemitOptions options = new MemitOptions();

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        Session session = context.session();
        String code = requiredCode(input, console, "%memit needs a statement. Example: %memit new long[10_000_000]");
        if (code == null) return false;
        String problem = options.problem();
        if (problem != null) {
            console.error("%memit: " + problem);
            return false;
        }
        if (options.param != null) return new MemitSweep(context, options).run(input, code);
        if (input.cell()
                && !input.code().isBlank()
                && context.evaluator().evaluate(input.code(), console).failed()) {
            return false; // the setup line runs once, unmeasured, as memory_profiler's %%memit does
        }
        boolean expression = StatementRuns.isExpression(session, code);
        StatementRuns.Repeats repeats = new StatementRuns(
                        session, context.evaluator(), options.allThreads, options.timeout)
                .repeat(code, expression, options.repeat, options.result);
        StatementRuns.Once last = repeats.last();
        if (!session.engine().alive()) {
            last.errors().forEach(console::error);
            return false; // the shell reports the engine's death and restores the session
        }
        if (repeats.runs().isEmpty() || last.failed()) {
            last.errors().forEach(console::error);
            // Code that is only a comment (or an unclosed one) evaluates to nothing: say so (found by fuzzing).
            if (last.errors().isEmpty())
                console.error(JavaEvaluator.Result.nothingRanMessage("%memit", "%memit new int[1000]"));
            return false;
        }
        // A statement that was stopped (--timeout, Ctrl-C) is not looped again for its B/op.
        BytesPerOp.Outcome perOp =
                last.stopped().isEmpty() ? perOp(session, console, code, expression) : new BytesPerOp.Outcome(null, "");
        MemitReport report =
                new MemitReport(code, repeats.runs(), perOp.perOp(), perOp.note(), last.value(), last.stopped());
        context.record(origin -> MemitDetails.record(options.label(), report, options.params(), origin));
        if (!last.stopped().isEmpty()) console.warn(last.stopped());
        if (!options.quiet) MemitRenderer.render(report).forEach(console::println);
        last.values().forEach(console::println);
        last.errors().forEach(console::error);
        return options.bind == null
                || context.binder()
                        .bind(
                                'm',
                                options.bind,
                                MemitRenderer.constructor(report.result()),
                                context.evaluator(),
                                console);
    }

    /** The statement's looped B/op, or why it is not measured: a statement is not looped without -n. */
    private BytesPerOp.Outcome perOp(Session session, Console console, String code, boolean expression)
            throws EngineException {
        String skip = BytesPerOp.skipped(options.loops, expression);
        if (skip != null) return new BytesPerOp.Outcome(null, skip);
        try {
            BlackholeWarnings.ensure(session).forEach(console::warn);
            return BytesPerOp.of(session, code, options.loops);
        } catch (TimedSourceBuilder.SetupTypeException e) {
            return new BytesPerOp.Outcome(null, "not measured: " + e.getMessage());
        }
    }
}
