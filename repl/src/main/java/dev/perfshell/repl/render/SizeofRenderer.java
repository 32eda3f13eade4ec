package dev.perfshell.repl.render;

import dev.perfshell.profiling.jol.Footprint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code %sizeof}'s lines: the total, then JOL's footprint table sorted by bytes, then (-v) the root's layout. */
public final class SizeofRenderer {
    private static final String ROW = "%10s %10s %12s   %s";

    private SizeofRenderer() {}

    public static List<String> render(String source, Footprint footprint) {
        List<String> lines = new ArrayList<>();
        if (footprint.rootClass() == null) {
            lines.add(source.strip() + " is null: 0 bytes");
            return lines;
        }
        lines.add(className(footprint.rootClass()) + ": " + MemitRenderer.exact(footprint.totalBytes()) + " in "
                + MemitRenderer.count(footprint.objects(), "object") + " (deep size, JOL)");
        lines.add(String.format(Locale.ROOT, ROW, "COUNT", "AVG", "SUM", "DESCRIPTION"));
        for (Footprint.Row row : footprint.rows()) {
            lines.add(String.format(
                    Locale.ROOT,
                    ROW,
                    grouped(row.count()),
                    average(row.averageBytes()),
                    grouped(row.bytes()),
                    className(row.className())));
        }
        lines.add(String.format(
                Locale.ROOT, ROW, grouped(footprint.objects()), "", grouped(footprint.totalBytes()), "(total)"));
        if (footprint.layout() != null) {
            lines.add("");
            footprint.layout().strip().lines().forEach(line -> lines.add(shortenSnippetNames(line)));
        }
        return lines;
    }

    /** A session class by its own name ({@code Point}), not JShell's wrapper ({@code REPL.$JShell$12$Point}). */
    static String className(String name) {
        return shortenSnippetNames(name);
    }

    private static String shortenSnippetNames(String text) {
        return text.replaceAll("REPL\\.\\$JShell\\$\\d+[A-Z]*\\$", "");
    }

    private static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String average(double value) {
        return Math.abs(value - Math.rint(value)) < 1e-9
                ? grouped(Math.round(value))
                : String.format(Locale.ROOT, "%,.1f", value);
    }
}
