package dev.perfshell.repl.magic;

import dev.perfshell.profiling.probe.PrunTake;
import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.profile.Profile;
import dev.perfshell.repl.profile.ProfileView;
import dev.perfshell.repl.profile.PrunDetails;
import java.io.IOException;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code %prun [options] STATEMENT} and {@code %%prun [options]} with a body: cProfile for Java. Every
 * method of the session's snippets (and of user classes matching {@code --include}) gets counting probes for
 * the run of the statement only, and a sampling profiler on the statement's thread gives the times; the
 * report is pstats' table. {@code --timed} times with clock probes instead, their calibrated cost subtracted.
 * Its options and their rules are {@link PrunOptions}, its runs {@link PrunRuns}, the notes beside the report
 * {@link PrunNotes}.
 */
@Command(
        name = "prun",
        description =
                "Profile a statement's calls, cProfile-style: exact call counts, self and cumulative time per method.",
        footer = {
            "",
            "Every method of the session's snippets is profiled (nested classes and lambda bodies too), and calls out of them into the JDK or libraries are counted as {java.util.HashMap.get} rows.",
            "",
            "Counts come from probes and are exact; times come from samples of the statement's thread (async-profiler's wall clock, JFR where it cannot load), so a small method's time is not swamped by the probes' cost. A time marked ≈ rests on fewer than 20 samples.",
            "",
            "-n N times N runs without probes (after N runs of warm-up) and counts one more: the way to profile short statements and small, hot methods. --timed times each call with clock probes instead; --counts only counts. Probes are removed after the run and the JIT's profiles of the code are reset, so it runs as fast as before."
        })
final class PrunMagic extends CodeMagic {
    @Mixin
    PrunOptions options = new PrunOptions();

    @Mixin
    LabelOption labelOption = new LabelOption();

    @Override
    public boolean acceptsCell() {
        return true;
    }

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        String code = requiredCode(input, console, "%prun needs a statement to profile. Example: %prun fib(25)");
        if (code == null) return false;
        String problem = options.problem();
        if (problem != null) {
            console.error("%prun: " + problem);
            return false;
        }
        ProfileView view;
        try {
            view = options.view(); // a bad key, limit or file name is rejected before the code runs
        } catch (IllegalArgumentException e) {
            console.error("%prun: " + e.getMessage());
            return false;
        }
        PrunRuns.Profiled profiled = new PrunRuns(context, options).profile(code);
        if (profiled == null) return false;
        ProbedRun<PrunTake> run = profiled.run();
        Profile profile = profiled.profile();
        context.record(origin -> PrunDetails.record(labelOption.label, profile, origin));
        for (String skipped : run.armed().skipped()) console.warn("Not profiled: " + skipped);
        if (!options.quiet) {
            PrunNotes.sampling(console, run.armed(), run.taken(), profile, options.repeats);
            if (options.timedProbes)
                PrunNotes.clampedMethods(console, run.taken().profile().clampedMethods());
        }
        List<String> report = view.render(profile);
        if (!options.quiet) report.forEach(console::println);
        try {
            view.save(profile, report).forEach(console::println);
        } catch (IOException e) {
            console.error(
                    "%prun: could not write " + e.getMessage() + ". Next: check the folder exists and is writable.");
        }
        run.values().forEach(console::println);
        run.errors().forEach(console::error);
        boolean bound = options.bind == null
                || PrunNotes.bindable(profile, console)
                        && context.binder()
                                .bind(
                                        'p',
                                        options.bind,
                                        ProfileView.constructor(profile),
                                        context.evaluator(),
                                        console);
        return !run.result().failed() && bound;
    }
}
