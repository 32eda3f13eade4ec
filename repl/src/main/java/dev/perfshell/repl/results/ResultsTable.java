package dev.perfshell.repl.results;

import dev.perfshell.repl.io.AtomicFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The flat view of results that the CSV and Markdown exports print: one row per result, the figures
 * every magic has (its metric) plus B/op where the magic measured it.
 */
public final class ResultsTable {
    private ResultsTable() {}

    /**
     * @param number      the result's number in the run, from 1 ({@code %results show N})
     * @param mean        the mean of the samples (all engines' samples pooled)
     * @param forks       how many engines measured it (1 without {@code --forks})
     * @param bytesPerOp  bytes allocated per operation, NaN where the magic does not measure it
     */
    public record Row(int number, ResultRecord record, double mean, int samples, int forks, double bytesPerOp) {
        public Metric metric() {
            return record.metric();
        }
    }

    public static List<Row> rows(List<ResultRecord> results) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            ResultRecord record = results.get(i);
            double[] samples = record.metric().samples();
            double mean = samples.length == 0
                    ? Double.NaN
                    : Arrays.stream(samples).average().orElse(Double.NaN);
            rows.add(new Row(
                    i + 1,
                    record,
                    mean,
                    samples.length,
                    Math.max(1, record.metric().forks().size()),
                    bytesPerOp(record.details())));
        }
        return rows;
    }

    private static double bytesPerOp(ResultRecord.Details details) {
        return details == null ? Double.NaN : details.allocatedBytesPerOp();
    }

    /** Writes an export's text as UTF-8, atomically, over any earlier file (see {@link AtomicFiles}). */
    static void writeText(java.nio.file.Path target, String text) throws java.io.IOException {
        AtomicFiles.write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
    }
}
