package dev.perfshell.repl.magic;

import dev.perfshell.profiling.jol.Footprint;
import dev.perfshell.profiling.memory.MemitRun;
import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.link.TimeitRuns;
import dev.perfshell.repl.memory.HiddenValue;
import dev.perfshell.repl.memory.MemitDetails;
import dev.perfshell.repl.memory.MemitReport;
import dev.perfshell.repl.render.MemitRenderer;
import dev.perfshell.repl.render.SweepRenderer;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.results.SweepFit;
import dev.perfshell.repl.session.JavaEvaluator;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.timeit.ParamSweep;
import dev.perfshell.repl.timeit.TimedSnippet;
import dev.perfshell.repl.timeit.TimedSourceBuilder;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jshell.Snippet;
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
    /** The hidden variable an expression's value lives in while it is measured. */
    private static final String VALUE = "perfshell$memit";
    /**
     * A short looped probe that retains more than this, and more than a quarter of what it allocated,
     * keeps what it allocates: the real loop would grow the session's state, so it is not run. (The
     * engine's own first-use bookkeeping retains up to a few hundred KiB, a small share of what any
     * allocating probe allocates.)
     */
    private static final long RETAINED_BY_PROBE_BYTES = 32 * 1024;
    /** About 0.1 s: one warm-up run, then one measured run, time-boxed. */
    private static final TimeitPlan PROBE_PLAN = new TimeitPlan(100_000_000L, 1, 0, 0, 1, 1);

    private static final TimeitPlan PER_OP_PLAN = new TimeitPlan(600_000_000L, 5, 0, 250_000_000L, 0, 1);

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

    /** A sweep's looped B/op per value: allocation per operation is exact, so a short plan is enough. */
    private static final TimeitPlan SWEEP_PLAN = new TimeitPlan(300_000_000L, 3, 0, 100_000_000L, 0, 1);

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
        boolean expression = isExpression(session, code);
        List<MemitRun> runs = new ArrayList<>();
        Once last = null;
        for (int i = 0; i < repeat; i++) {
            boolean keep = result && expression && i == repeat - 1;
            last = once(context, code, expression, keep);
            if (last.run != null) runs.add(last.run);
            if (last.failed || !last.stopped.isEmpty()) break;
        }
        if (!session.engine().alive()) {
            last.errors.forEach(console::error);
            return false; // the shell reports the engine's death and restores the session
        }
        if (runs.isEmpty() || last.failed) {
            last.errors.forEach(console::error);
            // Code that is only a comment (or an unclosed one) evaluates to nothing: say so (found by fuzzing).
            if (last.errors.isEmpty())
                console.error(JavaEvaluator.Result.nothingRanMessage("%memit", "%memit new int[1000]"));
            return false;
        }
        MemitReport.PerOp perOp = null;
        String perOpNote = "";
        if (last.stopped.isEmpty()) {
            String skip = perOpSkipped(expression);
            if (skip == null) {
                try {
                    PerOpOutcome outcome = perOp(session, console, code);
                    perOp = outcome.perOp();
                    perOpNote = outcome.note();
                } catch (TimedSourceBuilder.SetupTypeException e) {
                    perOpNote = "not measured: " + e.getMessage();
                }
            } else {
                perOpNote = skip;
            }
        }
        MemitReport report = new MemitReport(code, runs, perOp, perOpNote, last.value, last.stopped);
        context.record(origin -> MemitDetails.record(labelOption.label, report, params(), origin));
        if (!last.stopped.isEmpty()) console.warn(last.stopped);
        if (!quiet) MemitRenderer.render(report).forEach(console::println);
        last.values.forEach(console::println);
        last.errors.forEach(console::error);
        return bind == null
                || context.binder()
                        .bind('m', bind, MemitRenderer.constructor(report.result()), context.evaluator(), console);
    }

    /** One measured run of the statement. */
    private static final class Once {
        MemitRun run;
        Footprint value;
        boolean failed;
        String stopped = "";
        final List<String> values = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
    }

    private Once once(MagicContext context, String code, boolean expression, boolean keepValue) throws EngineException {
        Session session = context.session();
        Once once = new Once();
        session.request(EngineRequest.memitArm(allThreads));
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledExecutorService timer = timeout != null
                ? Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "perfshell-memit-timeout");
                    thread.setDaemon(true);
                    return thread;
                })
                : null;
        if (timer != null) {
            timer.schedule(
                    () -> {
                        timedOut.set(true);
                        session.stop();
                    },
                    (long) (timeout * 1e9),
                    TimeUnit.NANOSECONDS);
        }
        try {
            boolean asTyped = !expression;
            if (expression) {
                try (HiddenValue value = HiddenValue.declare(session, VALUE, code, keepValue)) {
                    // A void call is an expression that has no value: it runs as typed, below.
                    asTyped = !value.ok() && value.errors().stream().anyMatch(line -> line.contains("void"));
                    if (!asTyped) expressionRun(session, value, keepValue, timedOut.get(), once);
                }
            }
            if (asTyped) {
                JavaEvaluator.Result evaluated = context.evaluator().evaluate(code, once.values::add, once.errors::add);
                once.failed = evaluated.failed() && !timedOut.get();
                if (!session.engine().alive()) return once;
                if (evaluated.ran()) {
                    once.run = take(session);
                } else {
                    session.request(EngineRequest.memitCancel());
                }
            }
        } finally {
            if (timer != null) timer.shutdownNow();
        }
        if (timedOut.get()) {
            once.errors.removeIf(line -> line.startsWith("Stopped:"));
            once.stopped = String.format(
                    Locale.ROOT,
                    "Stopped by --timeout after %s s: the figures cover the part that ran.",
                    stripZeros(timeout));
        }
        return once;
    }

    private static void expressionRun(
            Session session, HiddenValue value, boolean keepValue, boolean timedOut, Once once) throws EngineException {
        once.errors.addAll(value.errors());
        once.failed = !value.ok() && !timedOut;
        if (!session.engine().alive()) return;
        if (value.ok() || timedOut) once.run = take(session);
        else session.request(EngineRequest.memitCancel());
        if (keepValue && value.ok() && value.primitive()) {
            once.errors.add("note: --result: the value is a primitive " + value.typeName() + ", not an object");
        } else if (keepValue && value.ok()) {
            once.value = value.footprint(false);
        }
    }

    private static MemitRun take(Session session) throws EngineException {
        MemitRun run = session.request(EngineRequest.memitTake());
        return run.invocations() > 0 ? run : null;
    }

    /** Why B/op is not looped, or {@code null} to loop it. */
    private String perOpSkipped(boolean expression) {
        if (loops != null) return null;
        if (!expression)
            return "not measured for a statement (looping it would repeat its effects); -n LOOPS loops it anyway";
        return null;
    }

    /** The looped allocation per operation, or why there is none. */
    private record PerOpOutcome(MemitReport.PerOp perOp, String note) {
        static PerOpOutcome skipped(String note) {
            return new PerOpOutcome(null, note);
        }
    }

    /** JMH's gc.alloc.rate.norm: warm code in %timeit's loop, the value consumed by the Blackhole so it escapes. */
    private PerOpOutcome perOp(Session session, Console console, String code) throws Exception {
        TimeitMagic.checkBlackhole(session, console);
        TimeitPlan plan = loops != null ? new TimeitPlan(0, 5, loops, 0, 2, 1) : PER_OP_PLAN;
        try (TimedSnippet timed = TimedSnippet.declare(session, "PerfshellMemit", code, "", false)) {
            if (!timed.ok())
                return PerOpOutcome.skipped("not measured: the expression could not be looped ("
                        + timed.errors().get(0) + ")");
            if (loops == null) {
                // An expression such as list.add(x) keeps what it allocates: a 0.1 s probe, measured for what it
                // retains.
                session.request(EngineRequest.memitArm(false));
                TimeitRuns probe = session.request(EngineRequest.allocationRuns(timed.binaryName(), PROBE_PLAN));
                long retained = session.request(EngineRequest.memitTake()).retainedBytes();
                long allocated = Arrays.stream(probe.allocatedBytes()).sum();
                if (retained > RETAINED_BY_PROBE_BYTES && retained * 4 > allocated) {
                    return PerOpOutcome.skipped(String.format(
                            Locale.ROOT,
                            "not measured: the expression keeps what it allocates "
                                    + "(a 0.1 s probe loop retained %s; looping it longer would grow the session's state); "
                                    + "-n LOOPS loops it anyway",
                            dev.perfshell.timing.runtime.Units.bytes(retained)));
                }
            }
            TimeitRuns runs = session.request(EngineRequest.allocationRuns(timed.binaryName(), plan));
            return new PerOpOutcome(
                    new MemitReport.PerOp(
                            runs.allocatedBytesPerOp(1),
                            Arrays.stream(runs.ops()).sum()),
                    "");
        } catch (EngineException e) {
            if (session.engine().wasStopped()) return PerOpOutcome.skipped("not measured: stopped (Ctrl-C)");
            return PerOpOutcome.skipped("not measured: the loop failed (" + e.getMessage() + ")");
        }
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
        TimeitMagic.checkBlackhole(session, console);
        TimeitPlan plan = loops != null ? new TimeitPlan(0, 3, loops, 0, 2, 1) : SWEEP_PLAN;
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
                TimeitRuns runs;
                try {
                    runs = session.request(EngineRequest.allocationRuns(timed.binaryName(), plan));
                } catch (EngineException e) {
                    if (session.engine().wasStopped())
                        console.error("Stopped: interrupted (Ctrl-C) at " + sweep.name() + "=" + value + ".");
                    else if (session.engine().alive())
                        console.error(
                                "Exception " + e.getMessage() + " (thrown at " + sweep.name() + "=" + value + ")");
                    return false;
                }
                double bytes = runs.allocatedBytesPerOp(1);
                long ops = Arrays.stream(runs.ops()).sum();
                perOp.add(bytes);
                Map<String, Object> params = params();
                params.put(sweep.paramKey(), value);
                done.add(origin -> MemitDetails.perOpRecord(labelOption.label, code, params, bytes, origin));
                if (!quiet)
                    console.println(SweepRenderer.prefix(sweep.name(), value, sweep.values())
                            + MemitRenderer.bytesPerOpLine(bytes, ops));
            } catch (TimedSourceBuilder.SetupTypeException e) {
                console.error("%memit: " + e.getMessage());
                return false;
            }
        }
        SweepFit fit = SweepFit.of(sweep.name(), sweep.values(), perOp, "bytes/op");
        for (int i = 0; i < done.size(); i++) {
            boolean last = i == done.size() - 1;
            java.util.function.Function<dev.perfshell.repl.results.ResultOrigin, ResultRecord> make = done.get(i);
            context.record(origin -> last ? make.apply(origin).withComplexity(fit) : make.apply(origin));
        }
        if (!quiet) console.println(SweepRenderer.fit(fit));
        return true;
    }

    /** A single expression that is not an assignment: its value is measured, not kept (IPython discards it too). */
    static boolean isExpression(Session session, String code) {
        List<Snippet> snippets = session.engine().jshell().sourceCodeAnalysis().sourceToSnippets(code.strip());
        if (snippets.size() != 1) return false;
        Snippet snippet = snippets.get(0);
        if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) return true; // JShell's $N
        return snippet.kind() == Snippet.Kind.EXPRESSION && snippet.subKind() != Snippet.SubKind.ASSIGNMENT_SUBKIND;
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

    private static String stripZeros(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
