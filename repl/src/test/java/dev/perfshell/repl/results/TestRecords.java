package dev.perfshell.repl.results;

/** Results made for tests of the exports and the schema. */
final class TestRecords {
    private TestRecords() {}

    /** {@code r} with these samples, their median as its center, and no interval. */
    static ResultRecord withSamples(ResultRecord r, double... samples) {
        Metric m = r.metric();
        Metric metric = new Metric(
                m.name(),
                m.unit(),
                m.direction(),
                samples,
                java.util.Arrays.stream(samples).sorted().toArray()[samples.length / 2],
                Double.NaN,
                Double.NaN);
        return new ResultRecord(
                r.magic(), r.label(), r.source(), r.params(), r.script(), r.line(), r.warnings(), metric, r.details());
    }
}
