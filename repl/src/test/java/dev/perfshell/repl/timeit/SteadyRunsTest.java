package dev.perfshell.repl.timeit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.link.TimeitRuns;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Runs that timed the heap's growth (page faults) are left out when enough steady runs remain. */
class SteadyRunsTest {
    private static TimeitRuns runs(double[] perOp, long[] faults) {
        long[] ops = new long[perOp.length];
        Arrays.fill(ops, 1000);
        long[] allocated = new long[perOp.length];
        Arrays.fill(allocated, 2_088_000); // 2,088 B/op, as String.format
        return new TimeitRuns(
                perOp,
                ops,
                allocated,
                new long[perOp.length],
                0,
                faults,
                0,
                3,
                true,
                "",
                0,
                0,
                dev.perfshell.timing.ProfileCleaning.kept(),
                0,
                false);
    }

    /** String.format in run K of scripts/bench/accuracy: 14 of 20 runs on fresh memory at ~7 µs, the rest at ~0.6 µs. */
    @Test
    void runsOnFreshMemoryAreLeftOutWhenFiveOrMoreSteadyRunsRemain() {
        double[] perOp = new double[20];
        long[] faults = new long[20];
        for (int i = 0; i < 20; i++) {
            boolean fresh = i % 10 < 7;
            perOp[i] = fresh ? 7000 + i : 590 + i;
            faults[i] = fresh ? 3000 : 2;
        }
        SteadyRuns steady = SteadyRuns.of(runs(perOp, faults));
        assertThat(steady.runs().perOpNanos()).containsExactly(597, 598, 599, 607, 608, 609);
        // The 14 left out, in run order: 7000..7006 and 7010..7016.
        assertThat(steady.leftOutPerOpNanos())
                .containsExactly(7000, 7001, 7002, 7003, 7004, 7005, 7006, 7010, 7011, 7012, 7013, 7014, 7015, 7016);
        // The export keeps them beside the reported runs, with the finding that says why; the metric stays the 6.
        dev.perfshell.timing.TimeitReport report = dev.perfshell.timing.TimeitReport.of(
                "",
                "String.format(...)",
                1000,
                steady.runs().perOpNanos(),
                Double.NaN,
                0,
                0,
                true,
                java.util.List.of());
        dev.perfshell.repl.results.ResultRecord record = TimeitDetails.withRunsLeftOut(
                TimeitDetails.record(
                        report,
                        "",
                        new dev.perfshell.timing.runtime.TimeitPlan(0, 0, 0, 0, 0, 1),
                        false,
                        dev.perfshell.repl.results.ResultOrigin.UNKNOWN),
                steady);
        assertThat(record.metric().samples()).hasSize(6);
        var details = (TimeitDetails) record.details();
        assertThat(details.runsLeftOutPerOpNanos()).hasSize(14);
        assertThat(details.findings())
                .extracting(f -> f.kind())
                .contains(dev.perfshell.timing.Finding.Kind.HEAP_GROWING);
        assertThat(steady.leftOutPerOpNanos().length + steady.runs().perOpNanos().length)
                .isEqualTo(20);
        assertThat(steady.runs().ops()).hasSize(6);
        assertThat(steady.runs().pageFaults()).containsOnly(2);
        assertThat(steady.runs().allocatedBytesPerOp(1)).isEqualTo(2088.0);
        assertThat(steady.finding().kind()).isEqualTo(dev.perfshell.timing.Finding.Kind.HEAP_GROWING);
        assertThat(dev.perfshell.timing.FindingText.line(steady.finding()))
                .startsWith(
                        "The heap was still growing: 14 of 20 runs wrote to never-touched memory (164 MiB, page faults)")
                .containsPattern("11\\.[56]\\d× slower; they were left out, the figures are from the other 6 runs\\.");
        assertThat(dev.perfshell.timing.TimeitFindings.freshMemory(
                        steady.runs().perOpNanos(), steady.runs().pageFaults()))
                .as("no second warning about the same runs")
                .isNull();
    }

    @Test
    void everyRunIsKeptWhenTooFewSteadyRunsRemain() {
        TimeitRuns measured =
                runs(new double[] {7000, 7100, 600, 610, 620, 7050, 605}, new long[] {3000, 3000, 0, 0, 0, 3000, 0});
        SteadyRuns steady = SteadyRuns.of(measured);
        assertThat(steady.runs()).isSameAs(measured);
        assertThat(steady.finding()).isNull();
        assertThat(steady.leftOutPerOpNanos()).isEmpty();
    }

    @Test
    void cheapFaultsUnknownFaultsAndNoFaultsKeepEveryRun() {
        TimeitRuns cheap = runs(new double[] {600, 610, 605, 600, 602, 601, 603}, new long[] {500, 0, 0, 0, 0, 0, 0});
        TimeitRuns unknown =
                runs(new double[] {7000, 600, 600, 600, 600, 600, 600}, new long[] {-1, -1, -1, -1, -1, -1, -1});
        TimeitRuns none = runs(new double[] {600, 601, 602, 603, 604}, new long[] {0, 0, 0, 0, 0});
        for (TimeitRuns measured : new TimeitRuns[] {cheap, unknown, none}) {
            assertThat(SteadyRuns.of(measured).runs()).isSameAs(measured);
            assertThat(SteadyRuns.of(measured).finding()).isNull();
        }
    }
}
