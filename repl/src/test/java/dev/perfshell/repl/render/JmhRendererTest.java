package dev.perfshell.repl.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.perfshell.repl.Golden;
import dev.perfshell.repl.jmh.JmhDetails;
import dev.perfshell.repl.jmh.JmhResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JMH's result table from JMH's own JSON (files a real %jmh run wrote: -prof gc with -p, and thrpt with 2 forks). */
class JmhRendererTest {
    private static List<JmhResult> read(String name) throws Exception {
        return JmhResult.read(
                Path.of(JmhRendererTest.class.getResource("/jmh/" + name).toURI()));
    }

    @Test
    void tablesAsJmhPrintsThem() throws Exception {
        List<String> lines = new ArrayList<>(JmhRenderer.table("Math.log(x) * n", read("avgt-gc-params.json")));
        lines.add("");
        lines.addAll(JmhRenderer.table(
                "a name far longer than the column has room for, cut with an ellipsis", read("thrpt-two-forks.json")));
        Golden.assertMatches("jmh-tables.txt", lines);
    }

    @Test
    void theStartLineSaysTheCompileTimeAndWhatJmhWillRun() {
        dev.perfshell.repl.jmh.JmhOptions options = new dev.perfshell.repl.jmh.JmhOptions(
                2, 3, "1s", 5, "500ms", "thrpt", "ns", 1, java.util.Map.of(), List.of(), List.of());
        assertThat(JmhRenderer.started(options, 1_260_000_000L))
                .isEqualTo(
                        "JMH: compiled in 1.3 s; 2 forks, 3 × 1s warm-up, 5 × 500ms measurement, thrpt (Ctrl-C stops)");
    }

    @Test
    void readsScoresParamsSecondaryMetricsAndForks() throws Exception {
        List<JmhResult> avgt = read("avgt-gc-params.json");
        assertThat(avgt).hasSize(2);
        assertThat(avgt.get(1).params()).containsExactly(java.util.Map.entry("n", "2"));
        assertThat(avgt.get(0).secondary())
                .extracting(JmhResult.Score::name)
                .containsExactly("gc.alloc.rate", "gc.alloc.rate.norm", "gc.count");
        assertThat(avgt.get(0).primary().count()).isEqualTo(3);
        assertThat(avgt.get(0).nanosPerOp()).isEqualTo(avgt.get(0).primary().score());

        JmhResult thrpt = read("thrpt-two-forks.json").get(0);
        assertThat(thrpt.primary().perFork()).hasSize(2);
        assertThat(thrpt.primary().count()).isEqualTo(6);
        assertThat(thrpt.primary().unit()).isEqualTo("ops/us");
        assertThat(thrpt.nanosPerOp()).isCloseTo(1000 / thrpt.primary().score(), within(1e-9));
    }

    @Test
    void recordsUseTheSchemasUnitsWhateverUnitJmhPrintedIn() throws Exception {
        JmhResult thrpt = read("thrpt-two-forks.json").get(0);
        dev.perfshell.repl.results.ResultRecord record = JmhDetails.record(
                null,
                "Math.log(x)",
                java.util.Map.of(),
                thrpt,
                List.of(),
                new dev.perfshell.repl.results.ResultOrigin(null, 1));
        assertThat(record.metric().unit()).isEqualTo("ops/s");
        assertThat(record.metric().direction()).isEqualTo(dev.perfshell.repl.results.Metric.Direction.HIGHER);
        assertThat(record.metric().center()).isCloseTo(thrpt.primary().score() * 1e6, within(1e-3)); // ops/us -> ops/s
        assertThat(record.metric().forks()).hasSize(2);
        assertThat(record.metric().samples()).hasSize(6);
        assertThat(record.metric().ciLow()).isCloseTo(thrpt.primary().low() * 1e6, within(1e-3));
    }

    @Test
    void numbersInJmhsFormat() {
        assertThat(JmhRenderer.number(6.2191)).isEqualTo("6.219");
        assertThat(JmhRenderer.number(0)).isEqualTo("≈ 0");
        assertThat(JmhRenderer.number(0.00012)).isEqualTo("≈ 10⁻⁴");
        assertThat(JmhRenderer.number(Double.NaN)).isEqualTo("NaN");
    }
}
