package dev.perfshell.repl.magic;

import dev.perfshell.profiling.probe.MethodProfile;
import dev.perfshell.profiling.probe.ProbesArmed;
import dev.perfshell.profiling.probe.Profiler;
import dev.perfshell.profiling.probe.PrunTake;
import dev.perfshell.profiling.probe.Sampling;
import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.profile.Profile;
import dev.perfshell.repl.profile.ProfileReader;
import dev.perfshell.repl.profile.ProfileView;
import dev.perfshell.repl.profile.PrunDetails;
import dev.perfshell.repl.session.JavaEvaluator;
import dev.perfshell.repl.session.Session;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code %prun [options] STATEMENT} and {@code %%prun [options]} with a body: cProfile for Java. Every
 * method of the session's snippets (and of user classes matching {@code --include}) gets counting probes for
 * the run of the statement only, and a sampling profiler on the statement's thread gives the times; the
 * report is pstats' table. {@code --timed} times with clock probes instead, their calibrated cost subtracted.
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
    /** The interval asked of the sampler by default (see {@link #intervalNanos}). */
    static final long SAMPLE_INTERVAL_NANOS = 500_000L;
    /** Fewer samples than this for the whole statement: the footer suggests -n. */
    static final long ENOUGH_SAMPLES = 500;

    @Option(
            names = "-s",
            paramLabel = "KEY",
            description = "Sort key (repeatable): time/tottime (default), cumulative/cumtime, "
                    + "calls/ncalls, pcalls, name, filename, line, nfl, stdname; unique prefixes work.")
    List<String> sortKeys = new ArrayList<>();

    @Option(
            names = "-l",
            paramLabel = "LIMIT",
            description = "Restrict the rows (repeatable): N rows, a fraction 0.2, or a regex on the location.")
    List<String> limits = new ArrayList<>();

    @Option(
            names = "-r",
            arity = "0..1",
            fallbackValue = "",
            paramLabel = "NAME",
            description =
                    "Bind the profile (ProfileResult: calls(m), selfNanos(m), cumulativeNanos(m), methods()) to NAME or $pN.")
    String bind;

    @Option(names = "-q", description = "Quiet: print nothing (use with -T, -D or -r).")
    boolean quiet;

    @Option(names = "-T", paramLabel = "FILE", description = "Also write the printed report to FILE.")
    String textFile;

    @Option(
            names = "-D",
            paramLabel = "FILE",
            description =
                    "Dump the profile: FILE.json, or callgrind format for .callgrind/.out (KCachegrind, gprof2dot).")
    String dumpFile;

    @Option(names = "--counts", description = "Count calls only (no times): the lowest overhead.")
    boolean counts;

    @Option(
            names = "--timed",
            description = "Time every call with clock probes (their calibrated cost subtracted) "
                    + "instead of sampling; unreliable for methods that take less than about 10× the probes' cost.")
    boolean timedProbes;

    @Option(
            names = "--interval",
            paramLabel = "TIME",
            description = "Sampling interval (default 500us; 1ms, 200us, 100000 = ns): "
                    + "shorter gives more samples and costs the statement more.")
    String interval;

    @Option(
            names = "-n",
            paramLabel = "N",
            description =
                    "Times from N sampled runs without probes, after N runs of warm-up; "
                            + "counts from one more run (the statement runs 2N+1 times: a call or a statement, not a declaration).")
    int repeats = 1;

    @Option(
            names = "--include",
            paramLabel = "GLOB",
            description = "Also profile classes of the session's jars matching GLOB (repeatable), e.g. com.acme.*")
    List<String> includes = new ArrayList<>();

    @Option(names = "--no-boundary", description = "No rows for calls out of profiled code (JDK, libraries).")
    boolean noBoundary;

    @Option(
            names = "--time-boundary",
            description = "With --timed: time the calls out of profiled code too (a probe pair each, "
                    + "its cost subtracted); --timed counts them only. Sampled profiles time them always.")
    boolean timeBoundary;

    @Option(
            names = "--callers",
            arity = "0..1",
            fallbackValue = "",
            paramLabel = "REGEX",
            description = "Also show who called the matching rows.")
    String callers;

    @Option(
            names = "--callees",
            arity = "0..1",
            fallbackValue = "",
            paramLabel = "REGEX",
            description = "Also show what the matching rows called.")
    String callees;

    @Mixin
    LabelOption labelOption = new LabelOption();

    @Override
    public boolean acceptsCell() {
        return true;
    }

    /**
     * -r binds the profile by evaluating its constructor as Java: array initialisers of five values per method,
     * which javac refuses as "code too large" from about 1,600 methods on (and JShell then needs a new engine).
     */
    private static boolean bindable(Profile profile, Console console) {
        if (profile.methods().size() <= ProfileView.MAX_BOUND_ROWS) return true;
        console.error(String.format(
                java.util.Locale.ROOT,
                "%%prun -r: %,d methods are too many to bind (at most %,d). "
                        + "Next: -D FILE.json keeps every row; read it with any JSON library.",
                profile.methods().size(),
                ProfileView.MAX_BOUND_ROWS));
        return false;
    }

    /** Arms the engine, runs the code, takes the profile; {@code null} (after saying why) when nothing ran. */
    private ProbedRun<PrunTake> runArmed(MagicContext context, Profiler.Mode mode, String code) throws Exception {
        Session session = context.session();
        EngineRequest<ProbesArmed> arm = EngineRequest.prunArm(
                includes, mode, !noBoundary, timeBoundary, session.engine().classBytesToSend(), intervalNanos());
        return ProbedRun.of(context, "%prun", "%prun fib(25)", arm, EngineRequest.prunTake(), code);
    }

    /** The statement's wall time: as %time measures it, else as the probes' recorder measured it. */
    private static long wallNanos(ProbedRun<PrunTake> run) {
        MethodProfile probed = run.taken().profile();
        return run.wallNanos(probed != null ? probed.wallNanos() : run.result().nanos());
    }

    /** The wall time of one of the sampled runs. */
    private static long sampled(ProfileReader.Samples runs) {
        return runs.wallNanos() / runs.runs();
    }

    private long intervalNanos() {
        return SampledRuns.intervalNanos(interval, SAMPLE_INTERVAL_NANOS);
    }

    private Profiler.Mode mode() {
        return counts ? Profiler.Mode.COUNTS : timedProbes ? Profiler.Mode.TIMED : Profiler.Mode.SAMPLED;
    }

    /** Why the times are not sampled, or the advice to repeat a statement that got too few samples. */
    private void samplingNotes(Console console, ProbesArmed armed, PrunTake taken, Profile profile) {
        String problem = problem(taken.sampling()) != null ? problem(taken.sampling()) : problem(armed.sampling());
        if (problem != null) {
            console.warn("%prun could not sample (" + problem
                    + "): the profile has counts only. Next: --timed times with clock probes.");
            return;
        }
        String why = armed.sampling() == null ? null : armed.sampling().fallbackReason();
        if (why != null && !why.isEmpty()) console.dim("note: sampled with JFR: " + why);
        Profile.Sampling sampling = profile.sampling();
        if (sampling != null && !profile.partial()) {
            String note =
                    fewSamplesNote(sampling.samples(), repeats, profile.source().strip());
            if (note != null) console.dim(note);
        }
    }

    private static String problem(Sampling sampling) {
        return sampling == null ? null : sampling.problem();
    }

    /**
     * The advice to repeat a statement whose times rest on few samples, or {@code null}: none needed, or none
     * sampled at all (then the profile's own footer says that no sample fell in the statement, and a
     * projection from zero samples would promise zero).
     */
    static String fewSamplesNote(long samples, int repeats, String source) {
        if (samples >= ENOUGH_SAMPLES || samples == 0) return null;
        long suggested = SampledRuns.niceRepeats(repeats * (double) ENOUGH_SAMPLES * 2 / samples);
        return String.format(
                java.util.Locale.ROOT,
                "note: the times rest on only %d samples. Next: %%prun -n %d %s runs it %d times for about %,d samples.",
                samples,
                suggested,
                source,
                suggested,
                Math.round(samples * (double) suggested / repeats));
    }

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        Session session = context.session();
        String code = requiredCode(input, console, "%prun needs a statement to profile. Example: %prun fib(25)");
        if (code == null) return false;
        if (counts && timedProbes) {
            console.error(
                    "%prun: --counts and --timed exclude each other (--counts has no times). Next: drop one of them.");
            return false;
        }
        if (repeats < 1) {
            console.error("%prun: "
                    + OptionRules.atLeastOne("-n", repeats, "leave -n out for one run, or e.g. %prun -n 20 fib(20)"));
            return false;
        }
        if (timeBoundary && !timedProbes) {
            console.error(
                    "%prun: --time-boundary times boundary calls with clock probes and goes with --timed; sampled "
                            + "profiles time them already. Next: add --timed, or drop --time-boundary.");
            return false;
        }
        if (repeats > 1 && (counts || timedProbes)) {
            console.error(
                    "%prun: -n repeats the statement for sampled times; --counts and --timed take one run. Next: drop -n.");
            return false;
        }
        try {
            intervalNanos();
        } catch (IllegalArgumentException e) {
            console.error("%prun: " + e.getMessage());
            return false;
        }
        ProfileView view;
        try {
            // a bad key, limit or file name is rejected before the code runs
            view = ProfileView.of(sortKeys, limits, callers, callees, counts, textFile, dumpFile);
        } catch (IllegalArgumentException e) {
            console.error("%prun: " + e.getMessage());
            return false;
        }
        ProfileReader.Samples timedRuns = null;
        if (repeats > 1) {
            // -n: N runs to warm the code up (the last profile's reset left it cold), then N runs without probes,
            // sampled, for the times; then one more run, with counting probes, for the counts
            boolean expression = SampledRuns.valueExpression(session, code);
            String looped = SampledRuns.repeated(code, repeats, expression);
            if (!SampledRuns.warmUp(context, "%prun", looped)) return false;
            ProbedRun<PrunTake> sampled = runArmed(context, Profiler.Mode.SAMPLES, looped);
            if (sampled == null) return false;
            if (sampled.result().failed()) {
                sampled.errors().forEach(console::error);
                console.error("%prun -n: the statement failed in its sampled runs; nothing was profiled.");
                return false;
            }
            Sampling sampling = sampled.taken().sampling();
            if (sampling != null && sampling.sampled()) {
                timedRuns =
                        new ProfileReader.Samples(sampling.stacks(), sampling.sampler(), wallNanos(sampled), repeats);
            } else if (!quiet) {
                console.warn("%prun could not sample (" + problem(sampling) + "): the profile has counts only.");
            }
        }
        ProbedRun<PrunTake> run = runArmed(context, repeats > 1 ? Profiler.Mode.COUNTS : mode(), code);
        if (run == null) return false;
        ProbesArmed armed = run.armed();
        PrunTake taken = run.taken();
        JavaEvaluator.Result result = run.result();
        List<String> values = run.values();
        List<String> errors = run.errors();
        ProfileReader reader = new ProfileReader(session.engine().jshell());
        Profile profile = repeats > 1
                ? reader.read(
                        code,
                        taken.profile(),
                        timedRuns == null ? wallNanos(run) : sampled(timedRuns),
                        result.failed(),
                        timedRuns)
                : reader.read(code, taken, wallNanos(run), result.failed());
        context.record(origin -> PrunDetails.record(labelOption.label, profile, origin));
        for (String skipped : armed.skipped()) console.warn("Not profiled: " + skipped);
        if (!quiet) samplingNotes(console, armed, taken, profile);
        long clamped = taken.profile().clampedMethods();
        if (clamped > 0 && !quiet && timedProbes) {
            console.warn(
                    "The probes cost more than " + clamped + (clamped == 1 ? " method" : " methods")
                            + " measured (shown as 0 tottime): code that runs briefly after its probes are installed is not yet "
                            + "compiled again. Next: profile a longer run, use --counts for exact counts, or %timeit for its time.");
        }
        List<String> report = view.render(profile);
        if (!quiet) report.forEach(console::println);
        try {
            view.save(profile, report).forEach(console::println);
        } catch (java.io.IOException e) {
            console.error(
                    "%prun: could not write " + e.getMessage() + ". Next: check the folder exists and is writable.");
        }
        values.forEach(console::println);
        errors.forEach(console::error);
        boolean bound = bind == null
                || bindable(profile, console)
                        && context.binder()
                                .bind('p', bind, ProfileView.constructor(profile), context.evaluator(), console);
        return !result.failed() && bound;
    }
}
