package dev.perfshell.repl.magic;

import dev.perfshell.profiling.probe.LineProfiler;
import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.lines.LineDump;
import dev.perfshell.repl.lines.LineProfile;
import dev.perfshell.repl.lines.LineRenderer;
import dev.perfshell.repl.lines.LinesDetails;
import dev.perfshell.repl.lines.MethodChoices;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;

/**
 * What %lprun and %mprun share: choosing methods ({@code -f}, {@code -c}), weaving line probes into them for
 * one run of the statement, reading the figures back onto the source lines, and the report's options. The shared
 * options are {@link LineOptions}, the runs {@link LineRuns}; a subclass adds its own options through the hooks.
 */
abstract class LineMagic extends CodeMagic {
    @Mixin
    LineOptions options = new LineOptions();

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
    List<String> save(LineProfile profile, List<String> report) throws IOException {
        List<String> lines = new ArrayList<>();
        if (options.textFile != null) lines.add(LineDump.saveText(report, Path.of(options.textFile)));
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

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        String name = "%" + magic();
        String code =
                requiredCode(input, console, name + " needs a statement to run. Example: " + name + " -f fib fib(20)");
        if (code == null) return false;
        if (options.noneChosen()) {
            console.error(name + " needs the methods to profile: -f METHOD (repeatable) or -c CLASS. Example: " + name
                    + " -f fib fib(20)");
            return false;
        }
        String problem = checkOptions();
        if (problem != null) {
            console.error(name + ": " + problem);
            return false;
        }
        List<LineProfiler.Choice> choices;
        try {
            choices =
                    options.choices(new MethodChoices(context.session().engine().jshell()));
        } catch (IllegalArgumentException e) {
            console.error(name + ": " + e.getMessage());
            return false;
        }
        LineRuns.Plan plan = new LineRuns.Plan(name, kind(), mode(), repeats(), intervalNanos());
        LineRuns.Profiled profiled =
                new LineRuns(context, plan).profile(choices, code, options.sourcePath, options.quiet);
        if (profiled == null) return false;
        ProbedRun<?> run = profiled.run();
        LineProfile profile = profiled.profile();
        context.record(origin -> LinesDetails.record(magic(), labelOption.label, profile, origin));
        List<String> report = new ArrayList<>(render(profile));
        if (profiled.sampled() != null) report.add(profiled.sampled().footer());
        if (!options.quiet) report.forEach(console::println);
        try {
            save(profile, report).forEach(console::println);
        } catch (IOException e) {
            console.error(
                    name + ": could not write " + e.getMessage() + ". Next: check the folder exists and is writable.");
        }
        run.values().forEach(console::println);
        run.errors().forEach(console::error);
        boolean bound = options.bind == null
                || context.binder()
                        .bind('l', options.bind, LineRenderer.constructor(profile), context.evaluator(), console);
        return !run.result().failed() && bound;
    }
}
