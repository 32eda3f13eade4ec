package dev.perfshell.repl.compare;

import dev.perfshell.repl.io.TextColumns;
import java.util.ArrayList;
import java.util.List;

/** A {@link Comparison} as a plain-text table for the terminal and CI logs: aligned columns, no colour. */
public final class CompareRenderer {
    private static final List<String> HEADINGS =
            List.of("Result", "Base", "New", "Change [95% CI]", "Ratio", "Evidence", "p-values", "Verdict");
    /** Columns whose values are right-aligned (figures of one kind line up on their unit). */
    private static final List<Integer> RIGHT = List.of(1, 2);

    private CompareRenderer() {}

    public static List<String> render(Comparison comparison) {
        List<String> lines = new ArrayList<>();
        lines.add("BASE " + comparison.baseName() + ", NEW " + comparison.newName() + ", noise threshold "
                + CompareFormat.threshold(comparison.thresholdPercent()));
        lines.add("");
        lines.addAll(table(comparison.pairs()));
        for (CompareFormat.Section section : CompareFormat.sections(comparison, name -> name)) {
            lines.add("");
            lines.add(section.heading());
            for (String item : section.items()) lines.add("  " + item);
        }
        lines.add("");
        lines.addAll(CompareFormat.geometricMeans(comparison));
        lines.add(CompareFormat.summary(comparison));
        return lines;
    }

    private static List<String> table(List<ResultPair> pairs) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADINGS.toArray(String[]::new));
        for (ResultPair pair : pairs) {
            List<String> row = new ArrayList<>();
            row.add(pair.name());
            row.addAll(CompareFormat.figures(pair));
            row.add(CompareFormat.verdict(pair));
            rows.add(row.toArray(String[]::new));
        }
        return TextColumns.lines(rows, c -> !RIGHT.contains(c), c -> "  ");
    }
}
