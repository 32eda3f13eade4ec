package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The engine-side runner with real payloads: counts, warm-up runs, setup per run, fewer runs for slow
 * operations. The decisions alone, with a fake clock: {@link TimeitScheduleTest}, {@link WarmupPolicyTest}.
 */
class TimeitRunnerTest {

    /** A Timed whose payload sleeps or spins, counting setups and payload calls. */
    static final class Counting implements Timed {
        final long sleepMillis;
        int setups;
        long payloads;

        Counting(long sleepMillis) {
            this.sleepMillis = sleepMillis;
        }

        @Override
        public void perfshell$setup() {
            setups++;
        }

        @Override
        public long perfshell$loop(Blackhole bh, LoopControl control) throws Throwable {
            long ops = 0;
            do {
                payload(bh);
                ops++;
            } while (!control.isDone);
            return ops;
        }

        @Override
        public long perfshell$loopCounted(Blackhole bh, LoopControl control, long n) throws Throwable {
            long ops = 0;
            do {
                payload(bh);
                ops++;
            } while (ops < n && !control.isDone);
            return ops;
        }

        private void payload(Blackhole bh) throws InterruptedException {
            payloads++;
            if (sleepMillis > 0) Thread.sleep(sleepMillis);
            bh.consume(payloads);
        }
    }

    private final TimeitRunner runner = new TimeitRunner();

    @Test
    void dashNRunsExactlyThatManyOperationsPerRun() throws Throwable {
        Counting timed = new Counting(0);
        TimeitReply result = runner.run(timed, new TimeitPlan(300_000_000L, 5, 1000, 0, 2, 1));
        assertThat(result.ops()).containsExactly(1000, 1000, 1000, 1000, 1000);
        assertThat(result.perOpNanos()).hasSize(5);
        // one probe operation, two warm-up runs and five measured runs of 1000 each
        assertThat(timed.payloads).isEqualTo(1 + 2 * 1000 + 5 * 1000);
    }

    @Test
    void setupRunsBeforeEveryRunAndWarmupRunsAreExact() throws Throwable {
        Counting timed = new Counting(0);
        TimeitReply result = runner.run(timed, new TimeitPlan(300_000_000L, 4, 0, 0, 3, 1));
        assertThat(result.warmupRuns()).isEqualTo(3);
        assertThat(timed.setups).isEqualTo(1 + 3 + 4); // probe, warm-up, measured
        assertThat(Arrays.stream(result.ops()).min().orElseThrow()).isPositive();
    }

    @Test
    void anOperationLongerThanBudgetOverRunsGetsFewerRunsAndANote() throws Throwable {
        Counting timed = new Counting(40);
        TimeitReply result = runner.run(timed, new TimeitPlan(500_000_000L, 0, 0, 0, 0, 1));
        double[] perOp = result.perOpNanos();
        assertThat(perOp.length).isBetween(1, TimeitSchedule.DEFAULT_RUNS - 1);
        assertThat(result.note()).startsWith("fewer runs");
        // each operation sleeps 40 ms: per-op times are at least that, whatever the machine does
        assertThat(Arrays.stream(perOp).min().orElseThrow()).isGreaterThanOrEqualTo(40e6);
    }

    @Test
    void opsPerInvocationDividesTheTime() throws Throwable {
        Counting one = new Counting(5);
        Counting ten = new Counting(5);
        double perOne = median(
                runner.run(one, new TimeitPlan(400_000_000L, 3, 2, 0, 1, 1)).perOpNanos());
        double perTen = median(
                runner.run(ten, new TimeitPlan(400_000_000L, 3, 2, 0, 1, 10)).perOpNanos());
        assertThat(perOne / perTen).isBetween(8.0, 12.0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
