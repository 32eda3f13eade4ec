package dev.perfshell.repl.magic;

import dev.perfshell.repl.lines.LineProfile;
import dev.perfshell.repl.lines.LineRenderer;
import dev.perfshell.repl.lines.TimerUnit;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code %mprun -f METHOD … STATEMENT}: memory_profiler's line view for Java, with exact bytes: each line's
 * allocation from the thread's allocated-bytes counter between line events (callees included) and its
 * occurrences, where memory_profiler samples the process RSS and cannot profile prompt-defined functions.
 */
@Command(
        name = "mprun",
        description =
                "Bytes allocated per line of chosen methods, exact (the thread's allocation counter), memory_profiler-style.",
        footer = {
            "",
            "A line's bytes are what its thread allocated from the line's event to the next event of the same call, callees included. Sizes depend on the JVM's object layout; a note says when it is not the default."
        })
final class MprunMagic extends LineMagic {
    @Override
    LineProfile.Kind kind() {
        return LineProfile.Kind.BYTES;
    }

    @Override
    String checkOptions() {
        return null;
    }

    @Override
    List<String> render(LineProfile profile) {
        return LineRenderer.render(profile, TimerUnit.DEFAULT, options.skipUnhit);
    }
}
