package dev.perfshell.repl.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code perfshell run --markdown OUT}: the results as a GitHub-flavoured Markdown table, for a pull
 * request comment or a job summary. Values scaled for reading; the exact values are in the JSON and CSV.
 */
public final class ResultsMarkdown {
    private static final int SOURCE_WIDTH = 60;

    private ResultsMarkdown() {}

    public static String render(List<ResultRecord> results) {
        StringBuilder out = new StringBuilder();
        out.append("| # | Result | Magic | Median | Mean | CI | Samples | B/op |\n");
        out.append("|--:|:--|:--|--:|--:|:--|--:|--:|\n");
        for (ResultsTable.Row row : ResultsTable.rows(results)) {
            ResultRecord r = row.record();
            Metric m = row.metric();
            String unit = m.unit();
            String ci = Double.isNaN(m.ciLow())
                    ? "–"
                    : MetricText.value(m.ciLow(), unit) + " … " + MetricText.value(m.ciHigh(), unit);
            String samples = row.samples() + (row.forks() > 1 ? " (" + row.forks() + " engines)" : "");
            String bytes = Double.isNaN(row.bytesPerOp())
                    ? "–"
                    : String.format(java.util.Locale.ROOT, "%.1f", row.bytesPerOp());
            out.append("| ")
                    .append(row.number())
                    .append(" | ")
                    .append(cell((r.label() != null ? r.label() + " (" + code(r.source()) + ")" : code(r.source()))
                            + MetricText.sweepValues(r)))
                    .append(" | %")
                    .append(r.magic())
                    .append(" | ")
                    .append(MetricText.value(m.center(), unit))
                    .append(" | ")
                    .append(MetricText.value(row.mean(), unit))
                    .append(" | ")
                    .append(ci)
                    .append(" | ")
                    .append(samples)
                    .append(" | ")
                    .append(bytes)
                    .append(" |\n");
        }
        return out.toString();
    }

    public static void write(Path target, List<ResultRecord> results) throws IOException {
        ResultsTable.writeText(target, render(results));
    }

    /** Source as inline code, on one line; a double-backtick span when the source has a backtick. */
    private static String code(String source) {
        String text = MetricText.shorten(source, SOURCE_WIDTH);
        return text.contains("`") ? "`` " + text + " ``" : "`" + text + "`";
    }

    /** A table cell: a pipe would end it, so it is escaped. */
    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
