package dev.perfshell.repl.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Whether a script times: the first %timeit or %compare of an engine starts its JIT watch (JFR, ~0.7 s) and
 * runs the blackhole self-check (0.4 s). Interactively the engine does both in an idle second; a script keeps
 * it busy, so for a script that times the session asks for them at once ({@link Session#start(
 * dev.perfshell.repl.link.EngineSpec, EngineIo, boolean)}), and they overlap the engine's start and the
 * script's first inputs.
 */
public final class TimingPreparation {
    private static final Pattern TIMING_MAGIC = Pattern.compile("(?m)^\\s*%%?(timeit|compare)\\b");

    private TimingPreparation() {}

    /**
     * Whether {@code script} has a %timeit or %compare line. Only a regular file is read ahead: a pipe or
     * {@code /dev/stdin} would be drained (and wait for its end), so those, and null (piped), say no.
     */
    public static boolean timesAnything(Path script) {
        try {
            return script != null
                    && Files.isRegularFile(script)
                    && TIMING_MAGIC.matcher(Files.readString(script)).find();
        } catch (IOException | RuntimeException unreadable) {
            return false; // the run itself reports an unreadable script
        }
    }
}
