package dev.perfshell.repl.magic;

import dev.perfshell.repl.lines.LineDump;
import dev.perfshell.repl.lines.LineProfile;
import dev.perfshell.repl.lines.LineRenderer;
import dev.perfshell.repl.lines.TimerUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %lprun -f METHOD … STATEMENT} (and {@code %%lprun}, which line_profiler lacks): line_profiler for
 * Java. Exact hits per line; time per line from its event to the next event of the same frame, callees
 * included, the probes' calibrated cost subtracted.
 */
@Command(name = "lprun",
        description = "Time per line of chosen methods, line_profiler-style: exact hits, time with probe cost subtracted.",
        footer = {"",
                "Hits are line-table entries executed (a for header counts n+1). A line's time runs from its",
                "event to the next event of the same call, so profiled callees and recursion add to the calling",
                "line. Probed loops are not unrolled or vectorised: percentages describe the instrumented code."})
final class LprunMagic extends LineMagic {
    @Option(names = "-u", paramLabel = "UNIT", description = "Timer unit: seconds as line_profiler takes them (1e-6) or ns, us, ms, s (default 1e-09).")
    String unit;

    @Option(names = "-D", paramLabel = "FILE", description = "Dump the line profile as JSON (FILE.json).")
    String dumpFile;

    private TimerUnit timerUnit = TimerUnit.DEFAULT;

    @Override
    LineProfile.Kind kind() {
        return LineProfile.Kind.TIME;
    }

    @Override
    String checkOptions() {
        try {
            if (unit != null) timerUnit = TimerUnit.parse(unit);
            if (dumpFile != null) LineDump.formatOf(Path.of(dumpFile));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    List<String> render(LineProfile profile) {
        return LineRenderer.render(profile, timerUnit, skipUnhit);
    }

    @Override
    List<String> save(LineProfile profile, List<String> report) throws IOException {
        List<String> lines = new ArrayList<>();
        if (textFile != null) lines.add(LineDump.saveText(report, Path.of(textFile)));
        if (dumpFile != null) lines.add(LineDump.dump(profile, Path.of(dumpFile)));
        return lines;
    }
}
