package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.TimeitRuns;
import dev.perfshell.repl.plot.TimeitPlots;
import dev.perfshell.repl.render.SweepRenderer;
import dev.perfshell.repl.render.TimeitRenderer;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.results.SweepFit;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.timeit.BlackholeWarnings;
import dev.perfshell.repl.timeit.ParamSweep;
import dev.perfshell.repl.timeit.SweepClasses;
import dev.perfshell.repl.timeit.SweepFindings;
import dev.perfshell.repl.timeit.SweepSchedule;
import dev.perfshell.repl.timeit.TimedSourceBuilder;
import dev.perfshell.repl.timeit.TimeitAnalysis;
import dev.perfshell.repl.timeit.TimingFailure;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code %timeit --param}: one generated class per value, the parameter a field initialised to it (never a local: a
 * local is hoisted out of the loop), each timed like a single %timeit on {@link SweepSchedule}'s passes; one line per
 * value, then the complexity fitted to the medians. A value that fails to compile ends the sweep before anything
 * runs; one that throws ends it without results.
 */
final class SweepTiming {
    private final MagicContext context;
    private final Console console;
    private final TimeitOptions options;

    SweepTiming(MagicContext context, TimeitOptions options) {
        this.context = context;
        this.console = context.console();
        this.options = options;
    }

    boolean run(Session session, String code, String setup, ParamSweep sweep)
            throws EngineException, TimedSourceBuilder.SetupTypeException {
        BlackholeWarnings.ensure(session).forEach(console::warn);
        TimeitPlan asked = options.plan();
        int count = sweep.values().size();
        SweepSchedule schedule = SweepSchedule.of(asked, count);
        try (SweepClasses classes =
                SweepClasses.declare(session, sweep, code, setup, () -> TimeitMagic.className("PerfshellTimed"))) {
            if (!classes.errors().isEmpty()) {
                classes.errors().forEach(console::error);
                return false;
            }
            if (!options.quiet) console.dim(SweepRenderer.timing(sweep.name(), count, schedule.twoPasses()));
            TimeitRuns[] both;
            try {
                both = schedule.measure(session, classes.binaryNames(), options.keepProfiles);
            } catch (SweepSchedule.ValueFailed e) {
                long failedAt = sweep.values().get(e.index());
                TimingFailure.atValue(session, e.getMessage(), sweep.name(), failedAt)
                        .ifPresent(console::error);
                return false;
            }
            List<Double> medians = new ArrayList<>();
            List<Function<ResultOrigin, ResultRecord>> done = new ArrayList<>();
            SweepFindings findings = new SweepFindings();
            TimeitAnalysis analysis = options.analysis(session, () -> TimeitMagic.className("PerfshellControl"));
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                long value = sweep.values().get(i);
                TimeitAnalysis.Analysed analysed =
                        analysis.of(classes.get(i), code, setup, both[i], schedule.plan(), List.of(sweep.field(value)));
                if (!options.quiet) TimeitRenderer.notes(analysed.steady()).forEach(console::dim);
                medians.add(analysed.report().stats().median());
                done.add(
                        origin -> options.record(analysed, setup, asked, origin).withParam(sweep.paramKey(), value));
                findings.add(value, analysed.report().findings());
                lines.addAll(SweepRenderer.timeitValue(
                        sweep, value, both[i], analysed.report(), options.precision(), options.verbose));
            }
            SweepFit fit = SweepFit.of(sweep.name(), sweep.values(), medians, "ns/op");
            say(findings.warnings(sweep.name()), lines, fit);
            context.recordSweep(done, fit);
            if (options.plot != null)
                TimeitPlots.sweep(
                        console, options.plot, code, fit, SweepRenderer.fit(fit).strip());
            return true;
        }
    }

    /** Each finding once for all values, then each value's lines (its engine note dimmed), then the fit. */
    private void say(List<String> warnings, List<String> lines, SweepFit fit) {
        if (options.quiet) return;
        warnings.forEach(console::warn);
        lines.forEach(line -> {
            if (line.startsWith("note: ")) console.dim(line);
            else console.println(line);
        });
        console.println(SweepRenderer.fit(fit));
    }
}
