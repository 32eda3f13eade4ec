package dev.perfshell.repl.magic;

import dev.perfshell.repl.engine.EngineException;
import dev.perfshell.repl.engine.EngineRequest;
import dev.perfshell.repl.profile.Profile;
import dev.perfshell.repl.profile.ProfileReader;
import dev.perfshell.repl.profile.ProfileView;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.shell.Console;
import dev.perfshell.repl.shell.JavaEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code %prun [options] STATEMENT} and {@code %%prun [options]} with a body: cProfile for Java. Every
 * method of the session's snippets (and of user classes matching {@code --include}) gets probes for the
 * run of the statement only; the report is pstats' table, with the probes' calibrated cost subtracted.
 */
@Command(name = "prun",
        description = "Profile a statement's calls, cProfile-style: exact call counts, self and cumulative time per method.",
        footer = {"",
                "Every method of the session's snippets is profiled (nested classes and lambda bodies too), and calls",
                "out of them into the JDK or libraries are counted as {java.util.HashMap.get} rows. Times are",
                "measured by probes whose calibrated cost is subtracted (the header says how much per call);",
                "--counts has no clock reads: exact counts at a few ns per call. Probes are removed after the run."})
final class PrunMagic extends BaseMagic {
    @Option(names = "-s", paramLabel = "KEY", description = "Sort key (repeatable): time/tottime (default), cumulative/cumtime, "
            + "calls/ncalls, pcalls, name, filename, line, nfl, stdname; unique prefixes work.")
    List<String> sortKeys = new ArrayList<>();

    @Option(names = "-l", paramLabel = "LIMIT", description = "Restrict the rows (repeatable): N rows, a fraction 0.2, or a regex on the location.")
    List<String> limits = new ArrayList<>();

    @Option(names = "-r", arity = "0..1", fallbackValue = "", paramLabel = "NAME",
            description = "Bind the profile (ProfileResult: calls(m), selfNanos(m), cumulativeNanos(m), methods()) to NAME or $pN.")
    String bind;

    @Option(names = "-q", description = "Quiet: print nothing (use with -T, -D or -r).")
    boolean quiet;

    @Option(names = "-T", paramLabel = "FILE", description = "Also write the printed report to FILE.")
    String textFile;

    @Option(names = "-D", paramLabel = "FILE", description = "Dump the profile: FILE.json, or callgrind format for .callgrind/.out (KCachegrind, gprof2dot).")
    String dumpFile;

    @Option(names = "--counts", description = "Count calls only (no clock reads): the lowest overhead.")
    boolean counts;

    @Option(names = "--include", paramLabel = "GLOB", description = "Also profile classes of the session's jars matching GLOB (repeatable), e.g. com.acme.*")
    List<String> includes = new ArrayList<>();

    @Option(names = "--no-boundary", description = "No rows for calls out of profiled code (JDK, libraries).")
    boolean noBoundary;

    @Option(names = "--time-boundary", description = "Time the calls out of profiled code too (a probe pair each, its cost subtracted); "
            + "by default they are counted only.")
    boolean timeBoundary;

    @Option(names = "--callers", arity = "0..1", fallbackValue = "", paramLabel = "REGEX", description = "Also show who called the matching rows.")
    String callers;

    @Option(names = "--callees", arity = "0..1", fallbackValue = "", paramLabel = "REGEX", description = "Also show what the matching rows called.")
    String callees;

    @Option(names = "--label", paramLabel = "NAME", description = "Name the result (for exports and comparisons).")
    String label;

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
        console.error(String.format(java.util.Locale.ROOT, "%%prun -r: %,d methods are too many to bind (at most %,d). "
                + "Next: -D FILE.json keeps every row; read it with any JSON library.", profile.methods().size(), ProfileView.MAX_BOUND_ROWS));
        return false;
    }

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        Session session = context.session();
        String code = input.text();
        if (code.isBlank()) {
            console.error("%prun needs a statement to profile. Example: %prun fib(25)");
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
        Map<?, ?> armed;
        try {
            armed = session.request(EngineRequest.prunArm(includes, !counts, !noBoundary, timeBoundary, session.engine().classBytesToSend()));
        } catch (EngineException e) {
            console.error("%prun could not install its probes: " + e.getMessage());
            return false;
        }
        List<String> values = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        session.request(EngineRequest.armTiming()); // the statement's own wall time, as %time measures it
        JavaEvaluator.Result result = context.evaluator().evaluateDiscardingValues(code, values::add, errors::add);
        if (!session.engine().alive()) {
            errors.forEach(console::error);
            return false; // the shell reports the death; a new engine has no probes
        }
        dev.perfshell.timing.runtime.OnceTiming timing = session.request(EngineRequest.takeTiming(result.nanos()));
        Map<?, ?> wire = session.request(EngineRequest.prunTake());
        if (!result.ran()) {
            errors.forEach(console::error);
            if (result.nothingToRun()) console.error(JavaEvaluator.Result.nothingRanMessage("%prun", "%prun fib(25)"));
            return false;
        }
        long wall = timing == null ? ((Number) wire.get("wallNanos")).longValue() : timing.wallNanos();
        Profile profile = new ProfileReader(session.engine().jshell()).read(code, wire, wall, result.failed());
        context.record(origin -> ResultRecord.prun(label, profile, origin));
        for (Object skipped : (List<?>) armed.get("skipped")) console.warn("Not profiled: " + skipped);
        long clamped = wire.get("clampedMethods") instanceof Number n ? n.longValue() : 0;
        if (clamped > 0 && !quiet) {
            console.warn("The probes cost more than " + clamped + (clamped == 1 ? " method" : " methods")
                    + " measured (shown as 0 tottime): code that runs briefly after its probes are installed is not yet "
                    + "compiled again. Next: profile a longer run, use --counts for exact counts, or %timeit for its time.");
        }
        List<String> report = view.render(profile);
        if (!quiet) report.forEach(console::println);
        try {
            view.save(profile, report).forEach(console::println);
        } catch (java.io.IOException e) {
            console.error("%prun: could not write " + e.getMessage() + ". Next: check the folder exists and is writable.");
        }
        values.forEach(console::println);
        errors.forEach(console::error);
        boolean bound = bind == null || bindable(profile, console)
                && context.binder().bind('p', bind, ProfileView.constructor(profile), context.evaluator(), console);
        return !result.failed() && bound;
    }
}
