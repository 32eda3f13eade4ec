package dev.perfshell.repl.magic;

import dev.perfshell.profiling.probe.LineCounts;
import dev.perfshell.profiling.probe.LineProfiler;
import dev.perfshell.profiling.probe.LinesTake;
import dev.perfshell.profiling.probe.ProbesArmed;
import dev.perfshell.profiling.probe.Sampling;
import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.lines.LineDump;
import dev.perfshell.repl.lines.LineProfile;
import dev.perfshell.repl.lines.LineReader;
import dev.perfshell.repl.lines.LinesDetails;
import dev.perfshell.repl.lines.MethodChoices;
import dev.perfshell.repl.lines.SampledLineTimes;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.session.JavaEvaluator;
import dev.perfshell.repl.session.Session;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What %lprun and %mprun share: choosing methods ({@code -f}, {@code -c}), weaving line probes into them for
 * one run of the statement, reading the figures back onto the source lines, and the report's options.
 */
abstract class LineMagic extends CodeMagic {
    @NamesInSession(NamesInSession.Kind.METHOD)
    @Option(
            names = "-f",
            paramLabel = "METHOD",
            description = "A method to profile (repeatable): fib, fib(int), Box::twice, com.acme.Work::run.")
    List<String> methods = new ArrayList<>();

    @NamesInSession(NamesInSession.Kind.CLASS)
    @Option(
            names = "-c",
            paramLabel = "CLASS",
            description = "Every method of a class (repeatable): a session class or a jar's (com.acme.Work).")
    List<String> classes = new ArrayList<>();

    @Option(
            names = {"-s", "-z"},
            description = "Skip methods that never ran.")
    boolean skipUnhit;

    @Option(names = "-q", description = "Quiet: print nothing (use with -T or -r; %%lprun also -D).")
    boolean quiet;

    @Option(
            names = "-r",
            arity = "0..1",
            fallbackValue = "",
            paramLabel = "NAME",
            description =
                    "Bind the result (LineResult: hits(method, line), value(method, line), total(method)) to NAME or $lN.")
    String bind;

    @Option(names = "-T", paramLabel = "FILE", description = "Also write the printed report to FILE.")
    String textFile;

    @Option(
            names = "--source-path",
            paramLabel = "DIRS",
            split = ":",
            description = "Folders of .java sources for jar classes (repeatable or ':'-separated).")
    List<Path> sourcePath = new ArrayList<>();

    @Mixin
    LabelOption labelOption = new LabelOption();

    @Override
    public boolean acceptsCell() {
        return true;
    }

    /** %lprun's time or %mprun's bytes. */
    abstract LineProfile.Kind kind();

    /** Checks the magic's own options before anything runs; the problem's line, or {@code null}. */
    abstract String checkOptions();

    /** The report's lines. */
    abstract List<String> render(LineProfile profile);

    /** Writes the magic's files (-T here; %lprun adds -D); the confirmation lines. */
    List<String> save(LineProfile profile, List<String> report) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        if (textFile != null) lines.add(LineDump.saveText(report, Path.of(textFile)));
        return lines;
    }

    private String magic() {
        return kind() == LineProfile.Kind.TIME ? "lprun" : "mprun";
    }

    /** SAMPLED, TIMED (the probes' own figures: %mprun's bytes, %lprun --timed). */
    LineProfiler.Mode mode() {
        return LineProfiler.Mode.TIMED;
    }

    /** -n: runs the times are sampled over (1: the probed run itself). */
    int repeats() {
        return 1;
    }

    /** The sampling interval asked for. */
    long intervalNanos() {
        return 0;
    }

    /** Arms the engine, runs the code, takes the profile; {@code null} (after saying why) when nothing ran. */
    private ProbedRun<LinesTake> runArmed(
            MagicContext context, List<LineProfiler.Choice> choices, LineProfiler.Mode mode, String code)
            throws Exception {
        Session session = context.session();
        EngineRequest<ProbesArmed> arm = EngineRequest.linesArm(
                choices, kind() == LineProfile.Kind.BYTES, session.engine().classBytesToSend(), mode, intervalNanos());
        String name = "%" + magic();
        return ProbedRun.of(context, name, name + " -f fib fib(25)", arm, EngineRequest.linesTake(), code);
    }

    /**
     * -n: N runs to warm the code up, then N runs without probes, sampled with line numbers; {@code null} (after saying
     * why) when the statement failed or no sample could be taken.
     */
    private SampledRun sampledRuns(MagicContext context, String code) throws Exception {
        Console console = context.console();
        String name = "%" + magic();
        boolean expression = SampledRuns.valueExpression(context.session(), code);
        String looped = SampledRuns.repeated(code, repeats(), expression);
        if (!SampledRuns.warmUp(context, name, looped)) return null;
        ProbedRun<LinesTake> sampled = runArmed(context, List.of(), LineProfiler.Mode.SAMPLES, looped);
        if (sampled == null) return null;
        Sampling sampling = sampled.taken().sampling();
        if (sampled.result().failed() || sampling == null || !sampling.sampled()) {
            sampled.errors().forEach(console::error);
            console.error(name + " -n: "
                    + (sampled.result().failed()
                            ? "the statement failed in its sampled runs"
                            : "could not sample (" + (sampling == null ? "no sampler" : sampling.problem()) + ")")
                    + "; nothing was profiled.");
            return null;
        }
        return new SampledRun(
                sampling.stacks(),
                sampling.sampler(),
                sampled.wallNanos(sampled.result().nanos()));
    }

    private record SampledRun(String stacks, String sampler, long wallNanos) {}

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        Session session = context.session();
        String name = "%" + magic();
        String code =
                requiredCode(input, console, name + " needs a statement to run. Example: " + name + " -f fib fib(20)");
        if (code == null) return false;
        if (methods.isEmpty() && classes.isEmpty()) {
            console.error(name + " needs the methods to profile: -f METHOD (repeatable) or -c CLASS. Example: " + name
                    + " -f fib fib(20)");
            return false;
        }
        String problem = checkOptions();
        if (problem != null) {
            console.error(name + ": " + problem);
            return false;
        }
        List<LineProfiler.Choice> choices = new ArrayList<>();
        try {
            MethodChoices resolver = new MethodChoices(session.engine().jshell());
            for (String method : methods) choices.addAll(resolver.method(method));
            for (String type : classes) choices.add(resolver.wholeClass(type));
        } catch (IllegalArgumentException e) {
            console.error(name + ": " + e.getMessage());
            return false;
        }
        SampledRun timedRuns = null;
        if (repeats() > 1) {
            timedRuns = sampledRuns(context, code);
            if (timedRuns == null) return false;
        }
        ProbedRun<LinesTake> run = runArmed(context, choices, repeats() > 1 ? LineProfiler.Mode.TIMED : mode(), code);
        if (run == null) return false;
        JavaEvaluator.Result result = run.result();
        List<String> values = run.values();
        List<String> errors = run.errors();
        LinesTake taken = run.taken();
        LineCounts counts = taken.lines();
        Sampling sampling = taken.sampling();
        SampledLineTimes sampled = null;
        if (timedRuns != null) {
            sampled = SampledLineTimes.of(
                    counts, timedRuns.stacks(), timedRuns.sampler(), timedRuns.wallNanos(), repeats());
        } else if (sampling != null && sampling.sampled()) {
            sampled = SampledLineTimes.of(
                    counts, sampling.stacks(), sampling.sampler(), run.wallNanos(result.nanos()), 1);
        } else if (sampling != null && sampling.problem() != null && !quiet) {
            console.warn(name + " could not sample (" + sampling.problem()
                    + "): the times are the line probes' own. Next: --timed says so.");
        }
        if (sampled != null) counts = sampled.counts();
        List<String> layout = kind() == LineProfile.Kind.BYTES ? taken.layoutFlags() : List.of();
        LineProfile profile = new LineReader(session.engine().jshell(), sourcePath)
                .read(kind(), code, counts, layout, result.failed());
        context.record(origin -> LinesDetails.record(magic(), labelOption.label, profile, origin));
        List<String> report = new ArrayList<>(render(profile));
        if (sampled != null) report.add(sampled.footer());
        if (!quiet) report.forEach(console::println);
        try {
            save(profile, report).forEach(console::println);
        } catch (java.io.IOException e) {
            console.error(
                    name + ": could not write " + e.getMessage() + ". Next: check the folder exists and is writable.");
        }
        values.forEach(console::println);
        errors.forEach(console::error);
        boolean bound =
                bind == null || context.binder().bind('l', bind, constructor(profile), context.evaluator(), console);
        return !result.failed() && bound;
    }

    /** Java that rebuilds the figures in the engine as a LineResult, for {@code -r}. */
    static String constructor(LineProfile profile) {
        StringBuilder names = new StringBuilder();
        StringBuilder lines = new StringBuilder();
        StringBuilder hits = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (LineProfile.MethodLines m : profile.methods()) {
            String sep = names.length() == 0 ? "" : ", ";
            names.append(sep)
                    .append('"')
                    .append(m.method().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
            lines.append(sep).append("new int[] {");
            hits.append(sep).append("new long[] {");
            values.append(sep).append("new long[] {");
            String inner = "";
            for (LineProfile.Line line : m.lines()) {
                lines.append(inner).append(line.number());
                hits.append(inner).append(line.hits()).append('L');
                values.append(inner).append(line.value()).append('L');
                inner = ", ";
            }
            lines.append('}');
            hits.append('}');
            values.append('}');
        }
        return "new dev.perfshell.profiling.probe.LineResult(new String[] {" + names + "}, new int[][] {" + lines
                + "}, new long[][] {" + hits + "}, new long[][] {" + values + "})";
    }
}
