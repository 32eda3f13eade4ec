package dev.perfshell.repl.render;

import dev.perfshell.timing.runtime.OnceTiming;
import dev.perfshell.timing.runtime.Units;
import java.util.ArrayList;
import java.util.List;

/** {@code %time}'s lines: IPython's two first, then what the JVM adds. */
public final class TimeRenderer {
    private static final long COMPILER_LINE_NANOS = 100_000_000L; // IPython shows "Compiler" above 0.1 s

    private TimeRenderer() {}

    public static List<String> render(OnceTiming t) {
        List<String> lines = new ArrayList<>();
        lines.add("CPU times: user " + Units.time(t.userNanos()) + ", sys: " + Units.time(t.systemNanos()) + ", total: "
                + Units.time(t.cpuNanos()));
        lines.add("Wall time: " + Units.time(t.wallNanos()));
        lines.add("Engine CPU: " + Units.time(t.processCpuNanos()) + " (all engine threads: JIT, GC, workers)");
        lines.add("GC: "
                + (t.gcCount() == 0
                        ? "none"
                        : t.gcCount()
                                + (t.gcCount() == 1 ? " collection, " : " collections, ")
                                + Units.time(t.gcMillis() * 1e6)));
        if (t.compileNanos() > COMPILER_LINE_NANOS) lines.add("Compiler : " + Units.time(t.compileNanos()));
        return lines;
    }

    /** Java that rebuilds the record in the engine, for {@code -o}. */
    public static String constructor(OnceTiming t) {
        return "new " + OnceTiming.class.getName() + "(" + t.wallNanos() + "L, " + t.userNanos() + "L, "
                + t.systemNanos() + "L, " + t.processCpuNanos() + "L, " + t.gcCount() + "L, " + t.gcMillis() + "L, "
                + t.compileNanos() + "L)";
    }
}
