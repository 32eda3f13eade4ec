package dev.perfshell.repl.io;

import java.util.List;

/** The source line that holds a position, with {@code ^} under the culprit (javac's style). */
public final class Caret {
    /** Longer source lines are cut to a window of this many characters around the position. */
    static final int MAX_WIDTH = 160;

    private Caret() {}

    public static List<String> under(String source, long start, long position, long end) {
        if (source == null || position < 0 || position > source.length()) return List.of();
        int pos = (int) position;
        int lineStart = source.lastIndexOf('\n', Math.max(0, pos - 1)) + 1;
        if (pos < lineStart) lineStart = 0;
        int lineEnd = source.indexOf('\n', pos);
        if (lineEnd < 0) lineEnd = source.length();
        String line = source.substring(lineStart, lineEnd);
        int from = (int) Math.max(lineStart, Math.min(start < 0 ? pos : start, pos)) - lineStart;
        int to = (int) Math.min(lineEnd, Math.max(end < 0 ? pos : end, pos + 1)) - lineStart;
        if (line.length() > MAX_WIDTH) {
            // A line of a megabyte (a pasted literal) is shown as a window around the culprit.
            int windowStart = Math.max(0, Math.min(pos - lineStart - MAX_WIDTH / 2, line.length() - MAX_WIDTH));
            String prefix = windowStart > 0 ? "..." : "";
            int windowEnd = Math.min(line.length(), windowStart + MAX_WIDTH);
            String suffix = windowEnd < line.length() ? "..." : "";
            int shift = windowStart - prefix.length();
            line = prefix + line.substring(windowStart, windowEnd) + suffix;
            from = Math.max(prefix.length(), from - shift);
            to = Math.min(line.length() - suffix.length(), Math.max(from + 1, to - shift));
        }
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < from; i++) marks.append(line.charAt(i) == '\t' ? '\t' : ' ');
        for (int i = from; i < Math.max(to, from + 1); i++) marks.append('^');
        return List.of("    " + line, "    " + marks);
    }
}
