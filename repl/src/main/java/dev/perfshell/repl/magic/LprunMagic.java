package dev.perfshell.repl.magic;

import dev.perfshell.profiling.probe.LineProfiler;
import dev.perfshell.repl.lines.LineDump;
import dev.perfshell.repl.lines.LineProfile;
import dev.perfshell.repl.lines.LineRenderer;
import dev.perfshell.repl.lines.TimerUnit;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code %lprun -f METHOD … STATEMENT} (and {@code %%lprun}, which line_profiler lacks): line_profiler for
 * Java. Exact hits per line from line probes; time per line from samples of the statement's thread that carry
 * line numbers (a line's time includes what it called). {@code --timed}: the line probes' clock instead.
 */
@Command(
        name = "lprun",
        description = "Time per line of chosen methods, line_profiler-style: exact hits, time per line from samples.",
        footer = {
            "",
            "Hits are line-table entries executed (a for header counts n+1), counted by line probes. Times come from samples of the statement's thread with their line numbers: a line's time includes the calls it makes.",
            "",
            "-n N times N runs without probes (after N runs of warm-up) and counts one more run: probed loops are not unrolled or vectorised, so that is the way to see the real code's lines. --timed times each line with the probes' clock, their calibrated cost subtracted."
        })
final class LprunMagic extends LineMagic {
    @Option(
            names = "--timed",
            description = "Time lines with the line probes' clock (their cost subtracted) instead of samples.")
    boolean timedProbes;

    @Option(
            names = "-n",
            paramLabel = "N",
            description = "Times from N sampled runs without probes, after N runs of warm-up; "
                    + "hits from one more run (the statement runs 2N+1 times).")
    int repeats = 1;

    @Option(
            names = "--interval",
            paramLabel = "TIME",
            description = "Sampling interval (default 500us; 1ms, 200us, 100000 = ns).")
    String interval;

    @Option(
            names = "-u",
            paramLabel = "UNIT",
            description = "Timer unit: seconds as line_profiler takes them (1e-6) or ns, us, ms, s (default 1e-09).")
    String unit;

    @Option(names = "-D", paramLabel = "FILE", description = "Dump the line profile as JSON (FILE.json).")
    String dumpFile;

    /** -u as parsed by {@link #checkOptions}. */
    private TimerUnit timerUnit = TimerUnit.DEFAULT;

    @Override
    LineProfile.Kind kind() {
        return LineProfile.Kind.TIME;
    }

    @Override
    LineProfiler.Mode mode() {
        return timedProbes ? LineProfiler.Mode.TIMED : LineProfiler.Mode.SAMPLED;
    }

    @Override
    int repeats() {
        return repeats;
    }

    @Override
    long intervalNanos() {
        return SampledRuns.intervalNanos(interval);
    }

    @Override
    String checkOptions() {
        try {
            if (repeats < 1)
                return OptionRules.atLeastOne(
                        "-n", repeats, "leave -n out for one run, or e.g. %lprun -n 20 -f fib fib(20)");
            if (repeats > 1 && timedProbes)
                return "-n repeats the statement for sampled times; --timed takes one run. Next: drop -n.";
            intervalNanos();
            if (unit != null) timerUnit = TimerUnit.parse(unit);
            if (dumpFile != null) LineDump.formatOf(Path.of(dumpFile));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    List<String> render(LineProfile profile) {
        List<String> report = new ArrayList<>(LineRenderer.render(profile, timerUnit, options.skipUnhit));
        if (repeats > 1) report.remove(LineRenderer.NOTE); // -n times runs without probes: the real code's lines
        return report;
    }

    @Override
    List<String> save(LineProfile profile, List<String> report) throws IOException {
        List<String> lines = super.save(profile, report);
        if (dumpFile != null) lines.add(LineDump.dump(profile, Path.of(dumpFile)));
        return lines;
    }
}
