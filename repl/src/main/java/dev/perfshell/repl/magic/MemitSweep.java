package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.memory.BytesPerOp;
import dev.perfshell.repl.memory.MemitDetails;
import dev.perfshell.repl.memory.MemitReport;
import dev.perfshell.repl.render.MemitRenderer;
import dev.perfshell.repl.render.SweepRenderer;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.results.SweepFit;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.timeit.BlackholeWarnings;
import dev.perfshell.repl.timeit.JavaStatements;
import dev.perfshell.repl.timeit.ParamSweep;
import dev.perfshell.repl.timeit.TimedSnippet;
import dev.perfshell.repl.timeit.TimedSourceBuilder;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code %memit --param}: the expression's allocation per operation (JMH's gc.alloc.rate.norm, as the B/op line below
 * the heap figures) at each value, the parameter a field of the looped class; then the complexity fitted to bytes/op
 * against the parameter. Only an expression: a statement's effects would repeat, and the heap figures of one run are
 * too coarse (TLABs) to fit.
 */
final class MemitSweep {
    private final MagicContext context;
    private final Console console;
    private final MemitOptions options;

    MemitSweep(MagicContext context, MemitOptions options) {
        this.context = context;
        this.console = context.console();
        this.options = options;
    }

    boolean run(MagicInput input, String code) throws EngineException {
        ParamSweep sweep;
        try {
            sweep = ParamSweep.parse(options.param);
        } catch (ParamSweep.BadSweep e) {
            console.error("%memit: " + e.getMessage());
            return false;
        }
        String problem = problem(input, code);
        if (problem != null) {
            console.error("%memit: " + problem);
            return false;
        }
        Session session = context.session();
        BlackholeWarnings.ensure(session).forEach(console::warn);
        TimeitPlan plan = BytesPerOp.sweepPlan(options.loops);
        List<Double> perOp = new ArrayList<>();
        List<Function<ResultOrigin, ResultRecord>> done = new ArrayList<>();
        for (long value : sweep.values()) {
            MemitReport.PerOp looped = measure(session, code, sweep, value, plan);
            if (looped == null) return false;
            double bytes = looped.bytesPerOp();
            perOp.add(bytes);
            Map<String, Object> params = options.params();
            params.put(sweep.paramKey(), value);
            done.add(origin -> MemitDetails.perOpRecord(options.label(), code, params, bytes, origin));
            if (!options.quiet)
                console.println(SweepRenderer.prefix(sweep.name(), value, sweep.values())
                        + MemitRenderer.bytesPerOpLine(bytes, looped.ops()));
        }
        SweepFit fit = SweepFit.of(sweep.name(), sweep.values(), perOp, "bytes/op");
        context.recordSweep(done, fit);
        if (!options.quiet) console.println(SweepRenderer.fit(fit));
        return true;
    }

    /** Why this input cannot be swept, or {@code null}. */
    private String problem(MagicInput input, String code) {
        if (input.cell() || options.bind != null || options.result || options.repeat > 1)
            return "--param measures one expression's B/op per value: use the line form, without -o, --result or -r";
        // Parsed, not analysed by JShell: the session does not know the parameter, so JShell calls the code erroneous.
        String statement = code.strip().endsWith(";") ? code.strip() : code.strip() + ";";
        List<JavaStatements.Statement> parsed = JavaStatements.parse(statement);
        if (!(parsed.size() == 1 && parsed.get(0).expression()) && options.loops == null)
            return "--param needs an expression whose B/op is looped (looping a statement repeats its effects); "
                    + "-n LOOPS loops a statement anyway";
        return null;
    }

    /** One value's looped B/op, or {@code null} after saying why there is none (the sweep then ends). */
    private MemitReport.PerOp measure(Session session, String code, ParamSweep sweep, long value, TimeitPlan plan) {
        try (TimedSnippet timed =
                TimedSnippet.declare(session, "PerfshellMemitSweep", code, "", false, List.of(sweep.field(value)))) {
            if (!timed.ok()) {
                timed.errors().forEach(console::error);
                return null;
            }
            try {
                return BytesPerOp.looped(session, timed.binaryName(), plan);
            } catch (EngineException e) {
                if (session.engine().wasStopped())
                    console.error("Stopped: interrupted (Ctrl-C) at " + sweep.name() + "=" + value + ".");
                else if (session.engine().alive())
                    console.error("Exception " + e.getMessage() + " (thrown at " + sweep.name() + "=" + value + ")");
                return null;
            }
        } catch (TimedSourceBuilder.SetupTypeException e) {
            console.error("%memit: " + e.getMessage());
            return null;
        }
    }
}
