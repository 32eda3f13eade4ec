package dev.perfshell.repl.magic;

import dev.perfshell.profiling.probe.MethodProfile;
import dev.perfshell.profiling.probe.ProbesArmed;
import dev.perfshell.profiling.probe.Profiler;
import dev.perfshell.profiling.probe.PrunTake;
import dev.perfshell.profiling.probe.Sampling;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.profile.Profile;
import dev.perfshell.repl.profile.ProfileReader;

/**
 * %prun's runs of the statement and the profile read from them: one run under the probes its options ask for, or
 * with -n, N runs to warm the code up (the last profile's reset left it cold), then N runs without probes, sampled,
 * for the times, then one more run, with counting probes, for the counts.
 */
final class PrunRuns {
    /** The profile, and the run whose counts it holds (what the statement printed is shown after the report). */
    record Profiled(ProbedRun<PrunTake> run, Profile profile) {}

    private final MagicContext context;
    private final PrunOptions options;

    PrunRuns(MagicContext context, PrunOptions options) {
        this.context = context;
        this.options = options;
    }

    /** The statement profiled; {@code null} (after saying why) when nothing could be profiled. */
    Profiled profile(String code) throws Exception {
        ProfileReader.Samples timedRuns = null;
        if (options.sampledRepeats()) {
            ProbedRun<PrunTake> sampled = sampledRuns(code);
            if (sampled == null) return null;
            Sampling sampling = sampled.taken().sampling();
            if (sampling != null && sampling.sampled()) {
                timedRuns = new ProfileReader.Samples(
                        sampling.stacks(), sampling.sampler(), wallNanos(sampled), options.repeats);
            } else if (!options.quiet) {
                context.console()
                        .warn("%prun could not sample (" + PrunNotes.problem(sampling)
                                + "): the profile has counts only.");
            }
        }
        ProbedRun<PrunTake> run = runArmed(options.sampledRepeats() ? Profiler.Mode.COUNTS : options.mode(), code);
        if (run == null) return null;
        ProfileReader reader = new ProfileReader(context.session().engine().jshell());
        boolean partial = run.result().failed();
        // with sampled -n runs, the statement's time is that of one of them, not of the probed run
        long totalNanos = timedRuns == null ? wallNanos(run) : timedRuns.wallNanos() / timedRuns.runs();
        Profile profile = options.sampledRepeats()
                ? reader.read(code, run.taken().profile(), totalNanos, partial, timedRuns)
                : reader.read(code, run.taken(), totalNanos, partial);
        return new Profiled(run, profile);
    }

    /** -n's warm-up and sampled runs, the statement looped; {@code null} (after saying why) when they failed. */
    private ProbedRun<PrunTake> sampledRuns(String code) throws Exception {
        boolean expression = SampledRuns.valueExpression(context.session(), code);
        String looped = SampledRuns.repeated(code, options.repeats, expression);
        if (!SampledRuns.warmUp(context, "%prun", looped)) return null;
        ProbedRun<PrunTake> sampled = runArmed(Profiler.Mode.SAMPLES, looped);
        if (sampled == null) return null;
        if (sampled.result().failed()) {
            sampled.errors().forEach(context.console()::error);
            context.console().error("%prun -n: the statement failed in its sampled runs; nothing was profiled.");
            return null;
        }
        return sampled;
    }

    /** Arms the engine, runs the code, takes the profile; {@code null} (after saying why) when nothing ran. */
    private ProbedRun<PrunTake> runArmed(Profiler.Mode mode, String code) throws Exception {
        EngineRequest<ProbesArmed> arm = EngineRequest.prunArm(
                options.includes,
                mode,
                !options.noBoundary,
                options.timeBoundary,
                context.session().engine().classBytesToSend(),
                options.intervalNanos());
        return ProbedRun.of(context, "%prun", "%prun fib(25)", arm, EngineRequest.prunTake(), code);
    }

    /** The statement's wall time: as %time measures it, else as the probes' recorder measured it. */
    private static long wallNanos(ProbedRun<PrunTake> run) {
        MethodProfile probed = run.taken().profile();
        return run.wallNanos(probed != null ? probed.wallNanos() : run.result().nanos());
    }
}
