package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.link.TimeitRuns;
import dev.perfshell.repl.plot.TimeitPlots;
import dev.perfshell.repl.render.TimeitRenderer;
import dev.perfshell.repl.render.WhyRenderer;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.timeit.BlackholeWarnings;
import dev.perfshell.repl.timeit.JavaStatements;
import dev.perfshell.repl.timeit.ParamSweep;
import dev.perfshell.repl.timeit.TimedSnippet;
import dev.perfshell.repl.timeit.TimedSourceBuilder;
import dev.perfshell.repl.timeit.TimeitAnalysis;
import dev.perfshell.repl.timeit.TimingFailure;
import dev.perfshell.repl.why.WhyDetails;
import dev.perfshell.repl.why.WhyReport;
import dev.perfshell.timing.TimeitReport;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code %timeit [options] SNIPPET} and {@code %%timeit [options] [SETUP]} with the body on the
 * following lines: JIT-aware timing in JMH's stub shape, IPython's output line, and with
 * {@code -v} the statistics that say how far to trust it. A {@code --param} sweep is {@link SweepTiming}'s.
 */
@Command(
        name = "timeit",
        description = "Time a snippet in JMH's loop shape: IPython's mean ± std. dev. line; -v for full statistics.",
        footer = {
            "",
            "The snippet sees the whole session. An expression's value is consumed by JMH's Blackhole; in a statement or block every top-level local is consumed. Setup values (%%%%timeit's first line, --setup) become fields and run before each run, untimed.",
            "",
            "Statistics: ± is the population standard deviation of the per-run means (IPython); MAD is scaled by 1.4826; the 99.9%% confidence interval of the mean is Student's t, as JMH computes its Error."
        })
class TimeitMagic extends SetupCellMagic {
    private static final AtomicInteger CLASS_NUMBERS = new AtomicInteger();

    @Mixin
    TimeitOptions options = new TimeitOptions();

    /** A class name the session has not seen: every timed, checked and control class gets its own. */
    static String className(String prefix) {
        return prefix + CLASS_NUMBERS.incrementAndGet();
    }

    /** The magic as typed, for messages. */
    String magic() {
        return "%timeit";
    }

    /** Whether the timing also says what the JIT did to the code (%why, --why). */
    boolean explains() {
        return options.why;
    }

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        String code =
                requiredCode(input, console, magic() + " needs code to time. Example: " + magic() + " map.get(key)");
        if (code == null) return false;
        String problem = options.problem();
        if (problem != null) {
            console.error(magic() + ": " + problem);
            return false;
        }
        String setup = JavaStatements.setup(input.cell() ? input.code() : "", options.setupOption);
        ParamSweep sweep = null;
        if (options.param != null) {
            try {
                sweep = ParamSweep.parse(options.param);
                sweep.checkSetup(setup);
            } catch (ParamSweep.BadSweep e) {
                console.error(magic() + ": " + e.getMessage());
                return false;
            }
        }
        try {
            if (!options.fresh()) return timeIn(context, context.session(), code, setup, sweep);
            // Code that does not compile is said before a whole session is replayed into a new engine for nothing
            // (the fuzz test found a session of a thousand snippets replayed for every broken --fresh line).
            List<String> errors = TimedSnippet.check(
                    context.session(),
                    className("PerfshellCheck"),
                    code,
                    setup,
                    sweep == null
                            ? List.of()
                            : List.of(sweep.field(sweep.values().get(0))));
            if (!errors.isEmpty()) {
                errors.forEach(console::error);
                return false;
            }
            console.dim("--fresh: starting a new engine with the replayed session...");
            try (Session.FreshSession copy = context.session().fresh()) {
                copy.lost().forEach(lost -> console.warn("Not in the fresh engine: " + lost));
                return timeIn(context, copy.session(), code, setup, sweep);
            }
        } catch (TimedSourceBuilder.SetupTypeException e) {
            console.error(magic() + ": " + e.getMessage());
            return false;
        }
    }

    /** One timing, or with {@code --param} a sweep, in this session or the fresh engine's. */
    private boolean timeIn(MagicContext context, Session session, String code, String setup, ParamSweep sweep)
            throws Exception {
        return sweep == null
                ? time(context, session, code, setup)
                : new SweepTiming(context, options).run(session, code, setup, sweep);
    }

    private boolean time(MagicContext context, Session session, String code, String setup) throws Exception {
        Console console = context.console();
        BlackholeWarnings.ensure(session).forEach(console::warn);
        try (TimedSnippet timed = TimedSnippet.declare(session, className("PerfshellTimed"), code, setup, false)) {
            if (!timed.ok()) {
                timed.errors().forEach(console::error);
                return false;
            }
            TimeitPlan plan = options.plan();
            TimeitRuns measured;
            JitWatch jit = explains() ? JitWatch.arm(session) : null;
            try {
                measured = session.request(EngineRequest.timeit(timed.binaryName(), plan, true, options.keepProfiles));
            } catch (EngineException e) {
                if (jit != null) jit.abandon(timed.binaryName());
                TimingFailure.of(session, e).ifPresent(console::error);
                return false;
            }
            TimeitAnalysis.Analysed analysed = options.analysis(session, () -> className("PerfshellControl"))
                    .of(timed, code, setup, measured, plan, List.of());
            if (!options.quiet) TimeitRenderer.notes(analysed.steady()).forEach(console::dim);
            TimeitReport report = analysed.report();
            WhyReport why = jit == null ? null : jit.take(timed.binaryName(), report.allocatedBytesPerOp());
            context.record(origin -> why == null
                    ? options.record(analysed, setup, plan, origin)
                    : WhyDetails.record(options.record(analysed, setup, plan, origin), why, magic().substring(1)));
            if (!options.quiet) print(console, report, analysed.steady().runs());
            if (why != null && !options.quiet) {
                WhyRenderer.report(why).forEach(console::println);
                if (options.verbose) WhyRenderer.trees(why, jit.names()).forEach(console::println);
            }
            if (options.plot != null) TimeitPlots.histogram(console, options.plot, report);
            String result = why == null
                    ? TimeitRenderer.constructor(report)
                    : WhyRenderer.constructor(TimeitRenderer.constructor(report), why);
            return options.bind == null
                    || context.binder().bind('t', options.bind, result, context.evaluator(), console);
        }
    }

    private void print(Console console, TimeitReport report, TimeitRuns measured) {
        TimeitRenderer.warnings(report).forEach(console::warn);
        if (!measured.note().isEmpty()) console.dim("note: " + measured.note());
        TimeitRenderer.line(report, options.precision()).forEach(console::println);
        if (options.verbose) {
            TimeitRenderer.verbose(report, options.precision()).forEach(console::println);
            TimeitRenderer.engine(measured).forEach(console::println);
            TimeitRenderer.profilesNote(report, measured, options.fresh()).ifPresent(console::dim);
        }
    }
}
