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
            List<String> cells = new ArrayList<>();
            cells.add(escape(pair.name()));
            cells.addAll(CompareFormat.figures(pair));
            cells.add(verdict);
            lines.add("| " + String.join(" | ", cells) + " |");
        }
        for (CompareFormat.Section section : CompareFormat.sections(comparison, name -> "`" + name + "`")) {
            lines.add("");
            lines.add(section.heading());
            lines.add("");
            for (String item : section.items()) lines.add("- " + escape(item));
        }
        lines.add("");
        lines.addAll(CompareFormat.geometricMeans(comparison));
        lines.add("");
        lines.add("**" + CompareFormat.summary(comparison) + "**");
        return lines;
    }

    /** Backslash before what Markdown would read as markup, and before {@code |}, which would end a cell. */
    static String escape(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]<>|#])", "\\\\$1");
    }
}
