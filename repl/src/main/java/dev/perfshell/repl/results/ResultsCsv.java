package dev.perfshell.repl.results;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code perfshell run --csv OUT}: one row per result (RFC 4180: comma separated, fields with a comma,
 * quote or line break quoted, {@code \r\n} line ends). Values in the metric's unit, never scaled, as in
 * the JSON; an unknown value is an empty field. Columns: {@value #HEADER}.
 */
public final class ResultsCsv {
    static final String HEADER =
            "number,label,magic,source,script,line,metric,unit,direction,median,mean,ci_low,ci_high,samples,forks,bytes_per_op";

    private ResultsCsv() {}

    public static String render(List<ResultRecord> results) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (ResultsTable.Row row : ResultsTable.rows(results)) {
            ResultRecord r = row.record();
            Metric m = row.metric();
            String[] fields = {
                String.valueOf(row.number()),
                text(r.label()),
                r.magic(),
                r.source(),
                text(r.script()),
                String.valueOf(r.line()),
                m.name(),
                m.unit(),
                m.direction().json(),
                number(m.center()),
                number(row.mean()),
                number(m.ciLow()),
                number(m.ciHigh()),
                String.valueOf(row.samples()),
                String.valueOf(row.forks()),
                number(row.bytesPerOp())
            };
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) out.append(',');
                out.append(quoted(fields[i]));
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    public static void write(Path target, List<ResultRecord> results) throws IOException {
        ResultsTable.writeText(target, render(results));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** The JSON export's number text (shortest round-trip digits, plain notation); empty for NaN. */
    private static String number(double value) {
        return Double.isFinite(value) ? JsonValues.number(value).asText() : "";
    }

    private static String quoted(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0)
            return field;
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
