package dev.perfshell.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeitReportTest {
    private static final String TAIL = " times longer than the fastest. This could mean that an intermediate result is"
            + " being cached, the JIT recompiled the code, or a GC hit one run.";

    @Test
    void slowestRunWarningFollowsIPythonsRule() {
        // IPython's example, worst above 1 µs: IPython prints 67966.67; perfshell's one rule for ratios, 68,000.
        assertThat(TimeitReport.slowestRunWarning(new double[] {150, 10_195_000, 160}))
                .containsExactly("The slowest run took 68,000" + TAIL);
        // exactly 4 × is not "more than 4 ×"
        assertThat(TimeitReport.slowestRunWarning(new double[] {1_000, 4_000})).isEmpty();
        assertThat(TimeitReport.slowestRunWarning(new double[] {1_000, 4_001}))
                .containsExactly("The slowest run took 4.00" + TAIL);
        // worst must be above 1 µs per loop: sub-microsecond jitter never warns (226 ns ± 204 ns in IPython)
        assertThat(TimeitReport.slowestRunWarning(new double[] {100, 1_000})).isEmpty();
        assertThat(TimeitReport.slowestRunWarning(new double[] {100, 1_000.5}))
                .containsExactly("The slowest run took 10.01" + TAIL);
        // best must be above 0
        assertThat(TimeitReport.slowestRunWarning(new double[] {0, 5_000})).isEmpty();
        assertThat(TimeitReport.slowestRunWarning(new double[] {5_000})).isEmpty();
        assertThat(TimeitReport.slowestRunWarning(new double[0])).isEmpty();
    }

    @Test
    void ratioRoundsLikePythonsPercentFormat() {
        // 1.125 is exact in binary: Python's '%0.2f' % 1.125 == '1.12' (half even); 5.125 -> '5.12'
        assertThat(TimeitReport.slowestRunWarning(new double[] {1_000, 5_125}))
                .first()
                .asString()
                .startsWith("The slowest run took 5.12 times");
        // 2/3 × 10 = 6.666... -> 6.67
        assertThat(TimeitReport.slowestRunWarning(new double[] {3_000, 20_000}))
                .first()
                .asString()
                .startsWith("The slowest run took 6.67 times");
    }

    @Test
    void ofComputesStatisticsAndWarnings() {
        double[] runs = {1_000, 1_100, 90_000};
        Finding oldGc = Finding.of(Finding.Kind.OLD_GC, "collections", 1L);
        TimeitReport r = TimeitReport.of("x", "f(x)", 10, runs, Double.NaN, 420_000_000L, 9, true, List.of(oldGc));
        assertThat(r.stats()).isEqualTo(RunStatistics.of(runs));
        assertThat(r.findings())
                .extracting(Finding::kind)
                .containsExactly(Finding.Kind.SLOWEST_RUN, Finding.Kind.OLD_GC);
        assertThat(r.findings().get(0).number("ratio")).isEqualTo(90.0);
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings().get(0)).startsWith("The slowest run took 90.00 times");
        assertThat(r.warnings().get(1)).startsWith("An old-generation GC ran during the measurement");
        assertThat(r.allocationKnown()).isFalse();
        assertThat(r.runs()).isEqualTo(3);
        assertThat(r)
                .isEqualTo(TimeitReport.of(
                        "x", "f(x)", 10, runs.clone(), Double.NaN, 420_000_000L, 9, true, List.of(oldGc)));
        assertThat(r.toString()).contains("perOpNanos=[1000.0, 1100.0, 90000.0]");
    }

    @Test
    void arraysAndListsAreCopied() {
        double[] runs = {1, 2, 3};
        List<String> warnings = new ArrayList<>(List.of("w"));
        TimeitReport r = new TimeitReport("", "", 1, runs, RunStatistics.of(runs), 0, 0, 0, false, List.of(), warnings);
        runs[0] = 99;
        warnings.add("later");
        assertThat(r.perOpNanos()).containsExactly(1, 2, 3);
        r.perOpNanos()[1] = 99;
        assertThat(r.perOpNanos()).containsExactly(1, 2, 3);
        assertThat(r.warnings()).containsExactly("w");
    }

    @Test
    void statisticsMustDescribeTheRuns() {
        assertThatThrownBy(() -> new TimeitReport(
                        "",
                        "",
                        1,
                        new double[] {1, 2},
                        RunStatistics.of(new double[] {1}),
                        0,
                        0,
                        0,
                        false,
                        List.of(),
                        List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
