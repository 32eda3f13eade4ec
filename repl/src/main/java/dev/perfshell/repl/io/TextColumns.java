package dev.perfshell.repl.io;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Rows of cells as lines of aligned columns, each column as wide as its widest cell, trailing spaces stripped: the
 * one layout of the shell's result tables (%compare, %jmh, perfshell compare), which differ only in which columns
 * are left-aligned and what separates one column from the next.
 */
public final class TextColumns {
    private TextColumns() {}

    /**
     * @param rows        the heading row and the others, all as long as the first
     * @param leftAligned whether column {@code c} is padded on the right (else on the left)
     * @param gapBefore   what goes between column {@code c - 1} and column {@code c} (for {@code c >= 1})
     */
    public static List<String> lines(List<String[]> rows, IntPredicate leftAligned, IntFunction<String> gapBefore) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) for (int c = 0; c < columns; c++) widths[c] = Math.max(widths[c], row[c].length());
        List<String> lines = new ArrayList<>();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                if (c > 0) line.append(gapBefore.apply(c));
                String padding = " ".repeat(widths[c] - row[c].length());
                line.append(leftAligned.test(c) ? row[c] + padding : padding + row[c]);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
