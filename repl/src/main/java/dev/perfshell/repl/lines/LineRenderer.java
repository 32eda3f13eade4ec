package dev.perfshell.repl.lines;

import dev.perfshell.repl.lines.LineProfile.Kind;
import dev.perfshell.repl.lines.LineProfile.Line;
import dev.perfshell.repl.lines.LineProfile.MethodLines;
import dev.perfshell.repl.profile.ProfileRenderer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code %lprun}'s report in line_profiler's layout and {@code %mprun}'s in memory_profiler's,
 * with what a JVM measures instead of what CPython does. Differences, each for a reason:
 * <ul>
 * <li>{@code Method:} for {@code Function:}, and {@code Method: NAME at #ID} for a snippet, which has no file.</li>
 * <li>A {@code Note:} under the timer unit: the probes keep the JIT from unrolling or vectorising the loop, so the
 *     percentages describe the instrumented loop, not the one {@code %timeit} measures.</li>
 * <li>Columns widen for big numbers; line_profiler instead switches to {@code %g}, which drops the digits you
 *     compare.</li>
 * <li>{@code (source not available)} plus the lines that ran, numbered, for a class without source (line_profiler's
 *     five-line "Could not find file" message).</li>
 * <li>Blocks are separated by one blank line with none at the end, and lines have no trailing spaces.</li>
 * <li>{@code %mprun}: bytes allocated per line (exact, from the JVM's allocation counts) instead of sampled RSS, so
 *     one {@code Allocated} column replaces {@code Mem usage} and {@code Increment}; see {@link #bytes(long)}.
 *     Its {@code Occurrences} column is right-aligned under its header, where memory_profiler's ends one short.</li>
 * </ul>
 */
public final class LineRenderer {
    public static final String NOTE =
            "Note: the instrumented code is not unrolled or vectorised: percentages describe the instrumented loop.";
    public static final String SOURCE_NOT_AVAILABLE = "(source not available)";

    private static final int LINE_WIDTH = 6;
    // line_profiler's default column widths
    private static final int HITS_WIDTH = 9;
    private static final int TIME_WIDTH = 12;
    private static final int PER_HIT_WIDTH = 8;
    private static final int PERCENT_WIDTH = 8;
    // memory_profiler's, with Occurrences as wide as its header
    private static final int ALLOCATED_WIDTH = 12;
    private static final int OCCURRENCES_WIDTH = 11;
    private static final long EXACT_BELOW = 10 * 1024;
    private static final String[] BINARY_UNITS = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private LineRenderer() {}

    /**
     * The report: {@code *** Partial profile…} when the statement did not complete, then for time
     * {@code Timer unit:} and the note, for bytes {@code Object layout:} when the JVM's flags change object sizes,
     * then one block per method in the record's order. Bytes ignore {@code unit}.
     *
     * @param skipUnhit {@code -s}: leave out methods none of whose lines ran
     */
    public static List<String> render(LineProfile profile, TimerUnit unit, boolean skipUnhit) {
        List<String> out = new ArrayList<>();
        if (profile.partial()) out.add(ProfileRenderer.PARTIAL_LINE);
        if (profile.kind() == Kind.TIME) {
            out.add(unit.header());
            out.add(NOTE);
        } else if (!profile.layoutFlags().isEmpty()) {
            out.add("Object layout: " + String.join(" ", profile.layoutFlags())
                    + " (byte counts differ from a default JVM's)");
        }
        for (MethodLines method : profile.methods()) {
            if (skipUnhit && !method.hit()) continue;
            if (!out.isEmpty()) out.add("");
            if (profile.kind() == Kind.TIME) timeBlock(method, unit, out);
            else bytesBlock(method, out);
        }
        return out;
    }

    /**
     * Bytes as the {@code Allocated} column shows them: exact with thousands separators below 10 KiB ({@code 1,040 B}:
     * there the object header and padding are what you read), above that one decimal in the largest binary unit
     * that keeps the value at least 1 ({@code 101.6 KiB}, {@code 1.0 MiB}), as memory_profiler's one-decimal MiB.
     */
    public static String bytes(long bytes) {
        if (Math.abs(bytes) < EXACT_BELOW) return String.format(Locale.ROOT, "%,d B", bytes);
        BigDecimal value = BigDecimal.valueOf(bytes);
        BigDecimal kib = BigDecimal.valueOf(1024);
        int unit = 0;
        BigDecimal scaled = value.divide(kib);
        while (unit < BINARY_UNITS.length - 1 && scaled.abs().compareTo(kib) >= 0) {
            scaled = scaled.divide(kib);
            unit++;
        }
        return PythonFormat.oneDecimal(scaled, BigDecimal.ONE) + " " + BINARY_UNITS[unit];
    }

    /** Java that rebuilds the figures in the engine as a LineResult, for {@code -r}. */
    public static String constructor(LineProfile profile) {
        StringBuilder names = new StringBuilder();
        StringBuilder lines = new StringBuilder();
        StringBuilder hits = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (MethodLines m : profile.methods()) {
            String sep = names.length() == 0 ? "" : ", ";
            names.append(sep)
                    .append('"')
                    .append(m.method().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
            lines.append(sep).append("new int[] {");
            hits.append(sep).append("new long[] {");
            values.append(sep).append("new long[] {");
            String inner = "";
            for (Line line : m.lines()) {
                lines.append(inner).append(line.number());
                hits.append(inner).append(line.hits()).append('L');
                values.append(inner).append(line.value()).append('L');
                inner = ", ";
            }
            lines.append('}');
            hits.append('}');
            values.append('}');
        }
        return "new dev.perfshell.profiling.probe.LineResult(new String[] {" + names + "}, new int[][] {" + lines
                + "}, new long[][] {" + hits + "}, new long[][] {" + values + "})";
    }

    /** {@code Total time}, where the method is, the table. */
    private static void timeBlock(MethodLines method, TimerUnit unit, List<String> out) {
        out.add("Total time: " + PythonFormat.g(method.total() / 1e9) + " s");
        where(method, out);
        List<Line> shown = shownLines(method);
        List<String[]> cells = new ArrayList<>();
        for (Line line : shown) {
            if (line.hits() == 0) {
                cells.add(new String[] {Integer.toString(line.number()), "", "", "", ""});
                continue;
            }
            cells.add(new String[] {
                Integer.toString(line.number()),
                Long.toString(line.hits()),
                unit.format(line.value(), 1),
                unit.format(line.value(), line.hits()),
                method.total() == 0
                        ? ""
                        : PythonFormat.oneDecimal(
                                BigDecimal.valueOf(line.value()).movePointRight(2), BigDecimal.valueOf(method.total()))
            });
        }
        int[] widths = widths(cells, LINE_WIDTH, HITS_WIDTH, TIME_WIDTH, PER_HIT_WIDTH, PERCENT_WIDTH);
        String[] header = {"Line #", "Hits", "Time", "Per Hit", "% Time"};
        table(header, "  ", cells, shown, widths, new String[] {" ", " ", " ", " "}, out);
    }

    /** {@code Total allocated}, where the method is, the table. */
    private static void bytesBlock(MethodLines method, List<String> out) {
        String total = bytes(method.total());
        boolean exact = Math.abs(method.total()) < EXACT_BELOW;
        out.add("Total allocated: " + total + (exact ? "" : String.format(Locale.ROOT, " (%,d B)", method.total())));
        where(method, out);
        List<Line> shown = shownLines(method);
        List<String[]> cells = new ArrayList<>();
        for (Line line : shown) {
            cells.add(
                    line.hits() == 0
                            ? new String[] {Integer.toString(line.number()), "", ""}
                            : new String[] {
                                Integer.toString(line.number()), bytes(line.value()), Long.toString(line.hits())
                            });
        }
        int[] widths = widths(cells, LINE_WIDTH, ALLOCATED_WIDTH, OCCURRENCES_WIDTH);
        String[] header = {"Line #", "Allocated", "Occurrences"};
        table(header, "   ", cells, shown, widths, new String[] {" ", "  "}, out);
    }

    /** {@code Method: fib(int) at #1}, or {@code File: …} then {@code Method: … at line N}; the no-source note. */
    private static void where(MethodLines method, List<String> out) {
        if (method.location().startsWith("#")) {
            out.add("Method: " + method.method() + " at " + method.location());
        } else {
            out.add("File: " + method.location());
            out.add("Method: " + method.method() + " at line " + method.firstLine());
        }
        if (!method.sourceFound()) out.add(SOURCE_NOT_AVAILABLE);
    }

    /** All lines with their text, or without source only those that ran (their text is unknown anyway). */
    private static List<Line> shownLines(MethodLines method) {
        if (method.sourceFound()) return method.lines();
        return method.lines().stream().filter(line -> line.hits() > 0).toList();
    }

    /**
     * A blank line, the header, a rule as long as the header (line_profiler's {@code '=' * len(header)}), the rows;
     * nothing when there are no rows (a method without source that never ran), as a bare header reads like a bug.
     * {@code gaps[i]} separates column i from i+1; {@code beforeText} separates the last number column from the text.
     */
    private static void table(
            String[] header,
            String beforeText,
            List<String[]> cells,
            List<Line> lines,
            int[] widths,
            String[] gaps,
            List<String> out) {
        if (lines.isEmpty()) return;
        String headerLine = row(header, widths, gaps, beforeText, "Line Contents");
        out.add("");
        out.add(headerLine);
        out.add("=".repeat(headerLine.length()));
        for (int i = 0; i < lines.size(); i++)
            out.add(row(cells.get(i), widths, gaps, beforeText, lines.get(i).text())
                    .stripTrailing());
    }

    private static String row(String[] cells, int[] widths, String[] gaps, String beforeText, String text) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) line.append(gaps[c - 1]);
            line.append(" ".repeat(Math.max(0, widths[c] - cells[c].length()))).append(cells[c]);
        }
        return line.append(beforeText).append(text).toString();
    }

    private static int[] widths(List<String[]> cells, int... minimum) {
        int[] widths = minimum.clone();
        for (String[] row : cells) {
            for (int c = 0; c < widths.length; c++) widths[c] = Math.max(widths[c], row[c].length());
        }
        return widths;
    }
}
