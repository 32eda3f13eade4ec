package dev.perfshell.repl.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.results.Metric;
import dev.perfshell.repl.results.ResultRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The %jmh figure beside the last %timeit of the same code. */
class TimeitCrossCheckTest {
    private static List<JmhResult> read(String name) throws Exception {
        return JmhResult.read(
                Path.of(TimeitCrossCheckTest.class.getResource("/jmh/" + name).toURI()));
    }

    private static ResultRecord result(String magic, String source, double nanos) {
        Metric metric = new Metric(
                "time", "ns/op", Metric.Direction.LOWER, new double[] {nanos}, nanos, Double.NaN, Double.NaN);
        return new ResultRecord(magic, null, source, Map.of(), null, 0, List.of(), metric, null);
    }

    @Test
    void theLastTimeitOfTheSameCodeIsNamedWithItsResultNumber() throws Exception {
        List<JmhResult> jmh = read("thrpt-two-forks.json");
        double jmhNanos = jmh.get(0).nanosPerOp();
        List<ResultRecord> all = List.of(
                result("timeit", "x + 1", 99),
                result("timeit", " x + 1 ", 2 * jmhNanos),
                result("memit", "x + 1", 5),
                result("timeit", "x + 2", 7));
        assertThat(TimeitCrossCheck.line(all, "x + 1", jmh))
                .hasValueSatisfying(line -> assertThat(line)
                        .startsWith("%timeit (result 2) measured ")
                        .contains(" per op (median): 2.00× JMH's "));
    }

    @Test
    void nothingWithoutATimeitOfTheCodeOrWithSeveralResults() throws Exception {
        assertThat(TimeitCrossCheck.line(List.of(result("timeit", "y", 1)), "x + 1", read("thrpt-two-forks.json")))
                .isEmpty();
        List<JmhResult> two = read("avgt-gc-params.json");
        assertThat(two).hasSize(2);
        assertThat(TimeitCrossCheck.line(List.of(result("timeit", "x + 1", 1)), "x + 1", two))
                .isEmpty();
    }
}
