package dev.perfshell.repl.magic;

import dev.perfshell.profiling.probe.LineCounts;
import dev.perfshell.profiling.probe.LineProfiler;
import dev.perfshell.profiling.probe.LinesTake;
import dev.perfshell.profiling.probe.ProbesArmed;
import dev.perfshell.profiling.probe.Sampling;
import dev.perfshell.repl.lines.LineProfile;
import dev.perfshell.repl.lines.LineReader;
import dev.perfshell.repl.lines.SampledLineTimes;
import dev.perfshell.repl.link.EngineRequest;
import java.nio.file.Path;
import java.util.List;

/**
 * %lprun's and %mprun's runs of the statement: one run with line probes woven into the chosen methods, its figures
 * read back onto the source lines; with %lprun -n, first N runs of warm-up and N sampled runs without probes, whose
 * samples give the lines their times while the probed run gives the hits.
 */
final class LineRuns {
    /**
     * How the magic profiles.
     *
     * @param magic         the magic as typed ({@code %lprun}), for the messages
     * @param kind          %lprun's time or %mprun's bytes
     * @param mode          how the probes of a single run measure
     * @param repeats       -n: runs the times are sampled over (1: the probed run itself)
     * @param intervalNanos the sampling interval asked for
     */
    record Plan(String magic, LineProfile.Kind kind, LineProfiler.Mode mode, int repeats, long intervalNanos) {}

    /** The profile; the probed run (what the statement printed is shown after the report); sampled times or null. */
    record Profiled(ProbedRun<LinesTake> run, LineProfile profile, SampledLineTimes sampled) {}

    /** What -n's sampled runs took: their stacks, with line numbers, and their wall time. */
    private record SampledRun(String stacks, String sampler, long wallNanos) {}

    private final MagicContext context;
    private final Plan plan;

    LineRuns(MagicContext context, Plan plan) {
        this.context = context;
        this.plan = plan;
    }

    /**
     * The statement profiled in the chosen methods; {@code null} (after saying why) when nothing could be profiled.
     *
     * @param quiet -q: no warning when the times could not be sampled
     */
    Profiled profile(List<LineProfiler.Choice> choices, String code, List<Path> sourcePath, boolean quiet)
            throws Exception {
        SampledRun timedRuns = null;
        if (plan.repeats() > 1) {
            timedRuns = sampledRuns(code);
            if (timedRuns == null) return null;
        }
        ProbedRun<LinesTake> run = runArmed(choices, plan.repeats() > 1 ? LineProfiler.Mode.TIMED : plan.mode(), code);
        if (run == null) return null;
        LinesTake taken = run.taken();
        Sampling sampling = taken.sampling();
        SampledLineTimes sampled = null;
        if (timedRuns != null) {
            sampled = SampledLineTimes.of(
                    taken.lines(), timedRuns.stacks(), timedRuns.sampler(), timedRuns.wallNanos(), plan.repeats());
        } else if (sampling != null && sampling.sampled()) {
            sampled = SampledLineTimes.of(
                    taken.lines(),
                    sampling.stacks(),
                    sampling.sampler(),
                    run.wallNanos(run.result().nanos()),
                    1);
        } else if (sampling != null && sampling.problem() != null && !quiet) {
            context.console()
                    .warn(plan.magic() + " could not sample (" + sampling.problem()
                            + "): the times are the line probes' own. Next: --timed says so.");
        }
        LineCounts counts = sampled != null ? sampled.counts() : taken.lines();
        List<String> layout = plan.kind() == LineProfile.Kind.BYTES ? taken.layoutFlags() : List.of();
        LineProfile profile = new LineReader(context.session().engine().jshell(), sourcePath)
                .read(plan.kind(), code, counts, layout, run.result().failed());
        return new Profiled(run, profile, sampled);
    }

    /** Arms the engine, runs the code, takes the profile; {@code null} (after saying why) when nothing ran. */
    private ProbedRun<LinesTake> runArmed(List<LineProfiler.Choice> choices, LineProfiler.Mode mode, String code)
            throws Exception {
        EngineRequest<ProbesArmed> arm = EngineRequest.linesArm(
                choices,
                plan.kind() == LineProfile.Kind.BYTES,
                context.session().engine().classBytesToSend(),
                mode,
                plan.intervalNanos());
        String example = plan.magic() + " -f fib fib(25)";
        return ProbedRun.of(context, plan.magic(), example, arm, EngineRequest.linesTake(), code);
    }

    /**
     * -n: N runs to warm the code up, then N runs without probes, sampled with line numbers; {@code null} (after saying
     * why) when the statement failed or no sample could be taken.
     */
    private SampledRun sampledRuns(String code) throws Exception {
        boolean expression = SampledRuns.valueExpression(context.session(), code);
        String looped = SampledRuns.repeated(code, plan.repeats(), expression);
        if (!SampledRuns.warmUp(context, plan.magic(), looped)) return null;
        ProbedRun<LinesTake> sampled = runArmed(List.of(), LineProfiler.Mode.SAMPLES, looped);
        if (sampled == null) return null;
        Sampling sampling = sampled.taken().sampling();
        if (sampled.result().failed() || sampling == null || !sampling.sampled()) {
            sampled.errors().forEach(context.console()::error);
            context.console()
                    .error(plan.magic() + " -n: "
                            + (sampled.result().failed()
                                    ? "the statement failed in its sampled runs"
                                    : "could not sample (" + (sampling == null ? "no sampler" : sampling.problem())
                                            + ")")
                            + "; nothing was profiled.");
            return null;
        }
        return new SampledRun(
                sampling.stacks(),
                sampling.sampler(),
                sampled.wallNanos(sampled.result().nanos()));
    }
}
