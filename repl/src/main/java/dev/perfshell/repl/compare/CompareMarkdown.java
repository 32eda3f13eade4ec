package dev.perfshell.repl.compare;

import java.util.ArrayList;
import java.util.List;

/** A {@link Comparison} as GitHub-flavoured Markdown, for pull-request comments: the text report's content. */
public final class CompareMarkdown {
    private CompareMarkdown() {}

    public static List<String> render(Comparison comparison) {
        List<String> lines = new ArrayList<>();
        lines.add("**perfshell compare**: BASE `" + comparison.baseName() + "`, NEW `" + comparison.newName()
                + "`, noise threshold " + CompareFormat.threshold(comparison.thresholdPercent()));
        lines.add("");
        lines.add("| Result | Base | New | Change [95% CI] | Ratio | Evidence | p-values | Verdict |");
        lines.add("| :--- | ---: | ---: | ---: | :--- | :--- | :--- | :--- |");
        for (ResultPair pair : comparison.pairs()) {
            String verdict = pair.verdict() == Verdict.SLOWER || pair.verdict() == Verdict.FASTER
                    ? "**" + CompareFormat.verdict(pair) + "**"
                    : CompareFormat.verdict(pair);
            lines.add("| "
                    + String.join(
                            " | ",
                            escape(pair.name()),
                            CompareFormat.value(pair.baseCenter(), pair.unit()),
                            CompareFormat.value(pair.newCenter(), pair.unit()),
                            CompareFormat.change(pair),
                            CompareFormat.ratio(pair.ratio(), pair.kind()),
                            pair.evidence().describe(),
                            CompareFormat.pValues(pair),
                            verdict)
                    + " |");
        }
        section(lines, "Only in `" + comparison.baseName() + "`", comparison.onlyInBase());
        section(lines, "Only in `" + comparison.newName() + "`", comparison.onlyInNew());
        section(lines, "Not comparable", comparison.notComparable());
        section(lines, "Notes", comparison.notes());
        section(lines, "Environment warnings", comparison.environmentWarnings());
        lines.add("");
        lines.addAll(CompareFormat.geometricMeans(comparison));
        lines.add("");
        lines.add("**" + CompareFormat.summary(comparison) + "**");
        return lines;
    }

    private static void section(List<String> lines, String title, List<String> items) {
        if (items.isEmpty()) return;
        lines.add("");
        lines.add(title + " (" + items.size() + "):");
        lines.add("");
        for (String item : items) lines.add("- " + escape(item));
    }

    /** Backslash before what Markdown would read as markup, and before {@code |}, which would end a cell. */
    static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
    }
}
