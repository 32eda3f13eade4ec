package dev.perfshell.repl.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfshell.repl.results.Metric;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * {@code %jmh}'s figures in a result: JMH's own JSON object for this result, unchanged (exported as a one-element
 * array, the shape JMH Visualizer and other JMH tools read).
 */
public record JmhDetails(JsonNode json) implements ResultRecord.Details {

    /**
     * A {@code %jmh} result, one per parameter combination: metric {@code time} in ns/op or, in throughput mode,
     * {@code throughput} in ops/s with direction {@code higher} (the schema's units, whatever {@code -tu} JMH printed
     * in); samples JMH's iteration scores, center JMH's score, interval JMH's 99.9 % confidence interval, and with
     * several forks each fork's iterations.
     *
     * @param params the options given and this result's JMH parameters ({@code p.n})
     */
    public static ResultRecord record(
            String label,
            String source,
            Map<String, Object> params,
            JmhResult result,
            List<String> warnings,
            ResultOrigin origin) {
        JmhResult.Score score = result.primary();
        boolean throughput = "thrpt".equals(result.mode());
        DoubleUnaryOperator unit = result::canonical;
        List<Metric.EngineSamples> forks = score.perFork().size() < 2
                ? List.of()
                : score.perFork().stream()
                        .map(values -> Arrays.stream(values).map(unit).toArray())
                        .map(values -> new Metric.EngineSamples(
                                values, Arrays.stream(values).average().orElse(Double.NaN)))
                        .toList();
        Metric metric = new Metric(
                throughput ? "throughput" : "time",
                result.canonicalUnit(),
                throughput ? Metric.Direction.HIGHER : Metric.Direction.LOWER,
                Arrays.stream(score.all()).map(unit).toArray(),
                unit.applyAsDouble(score.score()),
                unit.applyAsDouble(score.low()),
                unit.applyAsDouble(score.high()),
                forks);
        Map<String, Object> all = new LinkedHashMap<>(params);
        result.params().forEach((name, value) -> all.put("p." + name, value));
        return new ResultRecord(
                "jmh",
                label,
                source,
                all,
                origin.script(),
                origin.line(),
                warnings,
                metric,
                new JmhDetails(result.json()));
    }

    @Override
    public void writeJson(ObjectNode node) {
        node.putArray("jmh").add(json.deepCopy());
    }
}
