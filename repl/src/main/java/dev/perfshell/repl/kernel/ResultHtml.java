package dev.perfshell.repl.kernel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.results.ResultsJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A result as an HTML table in a notebook: the same fields as its export ({@code perfshell run --json}), so every
 * magic that records a result has one, and what a table shows is what a script's JSON holds. Scalars go in a
 * two-column table; a list of objects (a profile's rows, a sweep's points, a comparison's snippets) in a table of its
 * own with a column per field; the run-by-run samples stay in the export.
 */
public final class ResultHtml {
    /** Long number lists (every run's time) add nothing a reader scans: the export keeps them. */
    private static final int MAX_LIST = 12;
    /** Rows of a nested table shown; the export keeps all. */
    private static final int MAX_ROWS = 40;

    private ResultHtml() {}

    public static String of(ResultRecord record) {
        JsonNode node = ResultsJson.record(record);
        StringBuilder html = new StringBuilder("<div class=\"perfshell-result\">");
        html.append("<table><caption><b>%").append(escape(record.magic())).append("</b>");
        if (record.label() != null) html.append(" ").append(escape(record.label()));
        html.append("</caption>");
        List<Map.Entry<String, JsonNode>> tables = new ArrayList<>();
        scalars(node, "", html, tables);
        html.append("</table>");
        for (Map.Entry<String, JsonNode> table : tables) table(table.getKey(), table.getValue(), html);
        return html.append("</div>").toString();
    }

    private static void scalars(
            JsonNode node, String prefix, StringBuilder html, List<Map.Entry<String, JsonNode>> tables) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = prefix + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                if (!value.isEmpty()) scalars(value, name + ".", html, tables);
            } else if (value.isArray() && value.size() > 0 && value.get(0).isObject()) {
                tables.add(Map.entry(name, value));
            } else if (!(value.isArray() && (value.isEmpty() || value.size() > MAX_LIST)) && !value.isNull()) {
                html.append("<tr><th style=\"text-align:left\">")
                        .append(escape(name))
                        .append("</th><td>")
                        .append(escape(text(value)))
                        .append("</td></tr>");
            }
        }
    }

    private static void table(String name, JsonNode rows, StringBuilder html) {
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode row : rows) row.fieldNames().forEachRemaining(columns::add);
        html.append("<table><caption>").append(escape(name)).append("</caption><tr>");
        for (String column : columns) html.append("<th>").append(escape(column)).append("</th>");
        html.append("</tr>");
        int shown = 0;
        for (JsonNode row : rows) {
            if (shown++ == MAX_ROWS) {
                html.append("<tr><td colspan=\"")
                        .append(columns.size())
                        .append("\">… ")
                        .append(rows.size() - MAX_ROWS)
                        .append(" more rows in the export</td></tr>");
                break;
            }
            html.append("<tr>");
            for (String column : columns) {
                JsonNode value = row.get(column);
                html.append("<td>")
                        .append(value == null || value.isNull() ? "" : escape(text(value)))
                        .append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }

    private static String escape(String text) {
        return dev.perfshell.repl.plot.Svg.escape(text);
    }
}
