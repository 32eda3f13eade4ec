package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.memory.BytesPerOp;
import dev.perfshell.repl.memory.MemitDetails;
import dev.perfshell.repl.memory.MemitReport;
import dev.perfshell.repl.memory.StatementRuns;
import dev.perfshell.repl.render.MemitRenderer;
import dev.perfshell.repl.render.SweepRenderer;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.results.SweepFit;
import dev.perfshell.repl.session.JavaEvaluator;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.timeit.BlackholeWarnings;
import dev.perfshell.repl.timeit.ParamSweep;
import dev.perfshell.repl.timeit.TimedSnippet;
import dev.perfshell.repl.timeit.TimedSourceBuilder;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code %memit [options] STATEMENT} and {@code %%memit [options] [SETUP]} with the statement on the
 * following lines: memory_profiler's {@code peak memory / increment} line, measured on the heap where a
 * JVM statement's memory lives, then the JVM's exact figures. The statement runs once per repeat; an
 * expression's allocation per operation is then measured in a loop, as JMH's {@code gc.alloc.rate.norm}.
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
    @Option(
            names = "-r",
            paramLabel = "REPEAT",
            defaultValue = "1",
            description =
                    "Run the statement REPEAT times; the highest peak is reported, as memory_profiler does (default 1).")
    int repeat;

    @Option(
            names = "-n",
            paramLabel = "LOOPS",
            description = "Measure B/op with LOOPS operations per run, also for a statement.")
    Long loops;

    @Option(names = "-q", description = "Quiet: print nothing (use with -o).")
    boolean quiet;

    @Option(
            names = {"-o", "--bind"},
            arity = "0..1",
            fallbackValue = "",
            paramLabel = "NAME",
            description =
                    "Bind the result (MemitResult: peakBytes(), incrementBytes(), allocatedBytes(), retainedBytes()...) to NAME or $mN.")
    String bind;

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "Stop the statement after SECONDS (it is really stopped).")
    Double timeout;

    @Option(
            names = "--all-threads",
            description = "Count the allocation of every engine thread, not only the statement's.")
    boolean allThreads;

    @Option(
            names = "--result",
            description = "Also the deep size of the expression's value (JOL), kept until measured.")
    boolean result;

    @Mixin
    LabelOption labelOption = new LabelOption();

    @Option(
            names = "--param",
            paramLabel = "NAME=VALUES",
            description =
                    "Sweep: the expression's B/op at each value "
                            + "(n=10,100,1000 or n=10..100000:x10), NAME a field it reads; one line per value, then the fitted complexity.")
    String param;

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        Session session = context.session();
        String code = requiredCode(input, console, "%memit needs a statement. Example: %memit new long[10_000_000]");
        if (code == null) return false;
        String problem = validate();
        if (problem != null) {
            console.error("%memit: " + problem);
            return false;
        }
        if (param != null) return sweep(context, input, code);
        if (input.cell()
                && !input.code().isBlank()
                && context.evaluator().evaluate(input.code(), console).failed()) {
            return false; // the setup line runs once, unmeasured, as memory_profiler's %%memit does
        }
        boolean expression = StatementRuns.isExpression(session, code);
        StatementRuns.Repeats repeats = new StatementRuns(session, context.evaluator(), allThreads, timeout)
                .repeat(code, expression, repeat, result);
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
        MemitReport.PerOp perOp = null;
        String perOpNote = "";
        if (last.stopped().isEmpty()) {
            String skip = BytesPerOp.skipped(loops, expression);
            if (skip == null) {
                try {
                    BlackholeWarnings.ensure(session).forEach(console::warn);
                    BytesPerOp.Outcome outcome = BytesPerOp.of(session, code, loops);
                    perOp = outcome.perOp();
                    perOpNote = outcome.note();
                } catch (TimedSourceBuilder.SetupTypeException e) {
                    perOpNote = "not measured: " + e.getMessage();
                }
            } else {
                perOpNote = skip;
            }
        }
        MemitReport report = new MemitReport(code, repeats.runs(), perOp, perOpNote, last.value(), last.stopped());
        context.record(origin -> MemitDetails.record(labelOption.label, report, params(), origin));
        if (!last.stopped().isEmpty()) console.warn(last.stopped());
        if (!quiet) MemitRenderer.render(report).forEach(console::println);
        last.values().forEach(console::println);
        last.errors().forEach(console::error);
        return bind == null
                || context.binder()
                        .bind('m', bind, MemitRenderer.constructor(report.result()), context.evaluator(), console);
    }

    /**
     * {@code --param}: the expression's allocation per operation (JMH's gc.alloc.rate.norm, as the B/op line
     * below the heap figures) at each value, the parameter a field of the looped class; then the complexity
     * fitted to bytes/op against the parameter. Only an expression: a statement's effects would repeat, and
     * the heap figures of one run are too coarse (TLABs) to fit.
     */
    private boolean sweep(MagicContext context, MagicInput input, String code) throws Exception {
        Console console = context.console();
        Session session = context.session();
        ParamSweep sweep;
        try {
            sweep = ParamSweep.parse(param);
        } catch (ParamSweep.BadSweep e) {
            console.error("%memit: " + e.getMessage());
            return false;
        }
        if (input.cell() || bind != null || result || repeat > 1) {
            console.error(
                    "%memit: --param measures one expression's B/op per value: use the line form, without -o, --result or -r");
            return false;
        }
        // Parsed, not analysed by JShell: the session does not know the parameter, so JShell calls the code erroneous.
        String statement = code.strip().endsWith(";") ? code.strip() : code.strip() + ";";
        List<dev.perfshell.repl.timeit.JavaStatements.Statement> parsed =
                dev.perfshell.repl.timeit.JavaStatements.parse(statement);
        if (!(parsed.size() == 1 && parsed.get(0).expression()) && loops == null) {
            console.error(
                    "%memit: --param needs an expression whose B/op is looped (looping a statement repeats its effects); "
                            + "-n LOOPS loops a statement anyway");
            return false;
        }
        BlackholeWarnings.ensure(session).forEach(console::warn);
        TimeitPlan plan = BytesPerOp.sweepPlan(loops);
        List<Double> perOp = new ArrayList<>();
        List<java.util.function.Function<dev.perfshell.repl.results.ResultOrigin, ResultRecord>> done =
                new ArrayList<>();
        for (long value : sweep.values()) {
            try (TimedSnippet timed = TimedSnippet.declare(
                    session, "PerfshellMemitSweep", code, "", false, List.of(sweep.field(value)))) {
                if (!timed.ok()) {
                    timed.errors().forEach(console::error);
                    return false;
                }
                MemitReport.PerOp looped;
                try {
                    looped = BytesPerOp.looped(session, timed.binaryName(), plan);
                } catch (EngineException e) {
                    if (session.engine().wasStopped())
                        console.error("Stopped: interrupted (Ctrl-C) at " + sweep.name() + "=" + value + ".");
                    else if (session.engine().alive())
                        console.error(
                                "Exception " + e.getMessage() + " (thrown at " + sweep.name() + "=" + value + ")");
                    return false;
                }
                double bytes = looped.bytesPerOp();
                perOp.add(bytes);
                Map<String, Object> params = params();
                params.put(sweep.paramKey(), value);
                done.add(origin -> MemitDetails.perOpRecord(labelOption.label, code, params, bytes, origin));
                if (!quiet)
                    console.println(SweepRenderer.prefix(sweep.name(), value, sweep.values())
                            + MemitRenderer.bytesPerOpLine(bytes, looped.ops()));
            } catch (TimedSourceBuilder.SetupTypeException e) {
                console.error("%memit: " + e.getMessage());
                return false;
            }
        }
        SweepFit fit = SweepFit.of(sweep.name(), sweep.values(), perOp, "bytes/op");
        context.recordSweep(done, fit);
        if (!quiet) console.println(SweepRenderer.fit(fit));
        return true;
    }

    private String validate() {
        return OptionRules.first(
                OptionRules.atLeastOne("-r", repeat),
                loops == null ? null : OptionRules.atLeastOne("-n", loops),
                timeout == null
                        ? null
                        : OptionRules.positiveSeconds(
                                "--timeout", timeout, "leave --timeout out to let the statement finish"));
    }

    private Map<String, Object> params() {
        java.util.Map<String, Object> params = new java.util.LinkedHashMap<>();
        if (repeat > 1) params.put("repeat", repeat);
        if (loops != null) params.put("loops", loops);
        if (allThreads) params.put("allThreads", true);
        if (timeout != null) params.put("timeoutSeconds", timeout);
        return params;
    }
}
