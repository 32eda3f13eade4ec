package dev.perfshell.repl.magic;

import dev.perfshell.profiling.probe.Profiler;
import dev.perfshell.repl.profile.ProfileView;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * %prun's options, a picocli mixin: what the report shows (-s, -l, --callers, --callees), where it goes (-q, -T,
 * -D, -r), how the statement is profiled (--counts, --timed, --interval, -n, --include, the boundary rows), and
 * the rules on how they combine ({@link #problem}).
 */
final class PrunOptions {
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

    /**
     * What is wrong with the options as given, in one line (after {@code %prun: }), or {@code null}: checked
     * before the statement runs.
     */
    String problem() {
        if (counts && timedProbes)
            return "--counts and --timed exclude each other (--counts has no times). Next: drop one of them.";
        if (repeats < 1)
            return OptionRules.atLeastOne("-n", repeats, "leave -n out for one run, or e.g. %prun -n 20 fib(20)");
        if (timeBoundary && !timedProbes)
            return "--time-boundary times boundary calls with clock probes and goes with --timed; sampled "
                    + "profiles time them already. Next: add --timed, or drop --time-boundary.";
        if (sampledRepeats() && (counts || timedProbes))
            return "-n repeats the statement for sampled times; --counts and --timed take one run. Next: drop -n.";
        try {
            intervalNanos();
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    /**
     * How the report is shown and saved.
     *
     * @throws IllegalArgumentException naming a bad sort key, limit or file name, before the code runs
     */
    ProfileView view() {
        return ProfileView.of(sortKeys, limits, callers, callees, counts, textFile, dumpFile);
    }

    /** -n: the times come from runs without probes, the counts from one more run. */
    boolean sampledRepeats() {
        return repeats > 1;
    }

    long intervalNanos() {
        return SampledRuns.intervalNanos(interval);
    }

    /** How the probes of a single run profile: counts only, clock probes, or counts beside a sampler. */
    Profiler.Mode mode() {
        return counts ? Profiler.Mode.COUNTS : timedProbes ? Profiler.Mode.TIMED : Profiler.Mode.SAMPLED;
    }
}
