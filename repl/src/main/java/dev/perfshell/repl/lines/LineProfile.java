package dev.perfshell.repl.lines;

import java.util.List;
import java.util.Objects;

/**
 * What %lprun (time per line) or %mprun (bytes allocated per line) measured for the chosen methods.
 *
 * @param kind         what a line's value is: nanoseconds or bytes
 * @param source       the profiled statement as typed
 * @param methods      one block per chosen method, in the order they were asked for (methods never run included)
 * @param perEventNanos the calibrated cost of one line event subtracted from times (0 for bytes)
 * @param layoutFlags  for bytes: JVM flags that make object sizes differ from the default, else empty
 * @param partial      the statement threw or was stopped: the figures cover what ran
 */
public record LineProfile(
        Kind kind,
        String source,
        List<MethodLines> methods,
        double perEventNanos,
        List<String> layoutFlags,
        boolean partial) {

    /** Nanoseconds (%lprun) or allocated bytes (%mprun). */
    public enum Kind {
        TIME,
        BYTES
    }

    public LineProfile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        methods = List.copyOf(methods);
        layoutFlags = List.copyOf(layoutFlags);
    }

    /**
     * One method's lines.
     *
     * @param method     the method as Java names it, e.g. {@code fib(int)} or {@code Box.twice(int)}
     * @param location   where it is: {@code #3} (snippet id) or {@code com/acme/Work.java}
     * @param firstLine  the line number (in its snippet or file) of the first source line shown
     * @param total      the method's total: nanoseconds (its lines' times summed) or bytes
     * @param lines      every source line of the method, in order; lines without line events have 0 hits
     * @param sourceFound whether the source lines are the method's text (false: "(source not available)")
     */
    public record MethodLines(
            String method, String location, int firstLine, long total, List<Line> lines, boolean sourceFound) {
        public MethodLines {
            lines = List.copyOf(lines);
        }

        /** Whether any of its lines ran (line_profiler's -s/-z strip methods that did not). */
        public boolean hit() {
            return lines.stream().anyMatch(line -> line.hits() > 0);
        }
    }

    /**
     * One source line.
     *
     * @param number the line's number in its snippet or file
     * @param hits   line-table entries executed (a for header counts n+1), 0 when none
     * @param value  nanoseconds spent from this line's events to the next event of the same frame (callees
     *               included, probe cost subtracted), or bytes allocated in that span
     * @param text   the source line, without its line break
     */
    public record Line(int number, long hits, long value, String text) {}
}
