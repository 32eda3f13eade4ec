package dev.perfshell.repl.magic;

import dev.perfshell.profiling.flame.FlameSamples;
import dev.perfshell.repl.flame.FlameDetails;
import dev.perfshell.repl.flame.FlameOutputs;
import dev.perfshell.repl.flame.FlameReport;
import dev.perfshell.repl.flame.FlatProfile;
import dev.perfshell.repl.flame.FoldedStacks;
import dev.perfshell.repl.flame.FrameNames;
import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.render.FlameRenderer;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.session.SnippetSources;
import dev.perfshell.repl.timeit.TimedSnippet;
import dev.perfshell.repl.timeit.TimedSourceBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code %flame [options] STATEMENT} and {@code %%flame [options]} with a body: a sampling profile of the statement,
 * run again and again in %timeit's loop for {@code --duration}, with async-profiler in the engine (JFR where it
 * cannot load). Prints the flat top-N table and writes async-profiler's flame graph HTML.
 */
@Command(
        name = "flame",
        description =
                "Sampling profile of a statement run for a duration (async-profiler): flat top-N table and a flame graph HTML.",
        footer = {
            "",
            "The statement runs again and again for --duration (at least once) in the engine, and only that thread is sampled (every thread with --threads); the JDK's and libraries' frames are included, inlined frames too. Snippet frames read fib (#3:1): the method, its snippet and the line it is declared on, in the table and in the flame graph alike.",
            "",
            "The flame graph is async-profiler's HTML page (no network needed); by default it goes to $PERFSHELL_HOME/flame/ (~/.perfshell/flame/). cpu becomes itimer where perf events are refused; where async-profiler cannot load, JFR samples (cpu and alloc only). --list says which."
        })
final class FlameMagic extends CodeMagic {
    @Mixin
    FlameOptions options = new FlameOptions();

    @Override
    public boolean acceptsCell() {
        return true;
    }

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        Session session = context.session();
        if (options.list) {
            FlameRenderer.backends(session.request(EngineRequest.flameList(options.backend)))
                    .forEach(console::println);
            return true;
        }
        String code = requiredCode(input, console, "%flame needs a statement to profile. Example: %flame fib(30)");
        if (code == null) return false;
        String problem = options.problem();
        if (problem != null) {
            console.error("%flame: " + problem);
            return false;
        }
        FlameSamples samples = sample(session, console, code);
        if (samples == null) return false;
        FoldedStacks stacks = FrameNames.of(new SnippetSources(session.engine().jshell()))
                .rename(FoldedStacks.parse(samples.collapsed()), samples.event().equals("alloc"))
                .filter(options.includePatterns(), options.excludePatterns());
        FlameOutputs files = new FlameOutputs(console, context.env());
        String html = options.noHtml
                ? null
                : files.graph(stacks, "%flame " + code.strip().replace('\n', ' '), options.htmlFile);
        FlameReport report = FlameReport.of(code.strip(), samples, stacks, options.interval(), html);
        context.record(origin -> FlameDetails.record(options.labelOption.label, report, options.params(), origin));
        if (!report.notes().isEmpty()) console.warn(report.notes());
        if (!options.quiet) FlameRenderer.render(report, options.top).forEach(console::println);
        if (report.html() != null) files.graphWritten(report.html(), options.open);
        if (options.jfrFile != null) files.jfrWritten(report, options.jfrFile);
        if (options.collapsedFile != null) files.collapsed(stacks, options.collapsedFile);
        if (report.threw() != null) sayWhyItEndedEarly(report, session, console);
        FlatProfile flat = report.flat();
        boolean bound = options.bind == null
                || context.binder()
                        .bind('f', options.bind, FlameRenderer.constructor(flat), context.evaluator(), console);
        return files.ok() && report.threw() == null && bound;
    }

    /**
     * The statement run again and again for --duration in the engine's timed loop, sampled; {@code null} after saying
     * why it could not be.
     */
    private FlameSamples sample(Session session, Console console, String code) throws EngineException {
        try (TimedSnippet timed = TimedSnippet.declare(session, "PerfshellFlame", code, "", false)) {
            if (!timed.ok()) {
                timed.errors().forEach(console::error);
                return null;
            }
            return session.request(options.request(timed.binaryName()));
        } catch (TimedSourceBuilder.SetupTypeException e) {
            console.error("%flame: " + e.getMessage());
            return null;
        } catch (EngineException e) {
            if (!session.engine().alive()) return null; // the shell reports the death and restores the session
            console.error("%flame: " + e.getMessage() + ". Next: %flame --list shows the events available here.");
            return null;
        }
    }

    /** The profile covers only what ran before Ctrl-C or the statement's exception: says so. */
    private static void sayWhyItEndedEarly(FlameReport report, Session session, Console console) {
        if (session.engine().wasStopped()) console.error("Stopped: the profile covers what ran before Ctrl-C.");
        else
            console.error("The statement threw " + report.threw() + " after " + report.ops()
                    + " complete runs: the profile covers what ran until then.");
    }
}
