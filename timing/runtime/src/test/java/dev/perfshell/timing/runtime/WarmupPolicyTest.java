package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfshell.timing.runtime.WarmupPolicy.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * The warm-up stopping rule driven by a fake clock that the test advances by a fixed step before
 * each observed run. With the default 2 s budget the measurement takes 900 ms; the probe is made to
 * have taken 100 ms, so a settling warm-up has exactly 1,000 ms.
 */
class WarmupPolicyTest {
    private static final long MS = 1_000_000L;
    private static final long PROBE = 1_000;
    /** Runs fed before a test gives up on the policy ever stopping. */
    private static final int MAX_RUNS = 1_000;

    /** Starts far from zero: the policy must measure from its own start, not from the clock's origin. */
    private static final class FakeClock implements LongSupplier {
        long now = 7_000 * MS;

        @Override
        public long getAsLong() {
            return now;
        }
    }

    private final FakeClock clock = new FakeClock();
    private final List<Integer> jitAsked = new ArrayList<>();

    private WarmupPolicy policy(TimeitPlan plan, long probeNanos, WarmupPolicy.JitQuiet jit) {
        long callStart = clock.now - 100 * MS;
        return WarmupPolicy.start(plan, TimeitSchedule.of(plan, probeNanos), clock, callStart, jit);
    }

    private WarmupPolicy settling() {
        return policy(new TimeitPlan(2_000 * MS, 0, 0, 0, 0, 1), PROBE, quietJit());
    }

    private WarmupPolicy.JitQuiet quietJit() {
        return run -> {
            jitAsked.add(run);
            return true;
        };
    }

    /** Feeds runs, advancing the clock by {@code stepNanos} before each; the number fed when the policy stopped. */
    private int feed(WarmupPolicy policy, long stepNanos, IntFunction<Observation> run) throws Exception {
        for (int i = 0; i < MAX_RUNS; i++) {
            clock.now += stepNanos;
            if (policy.observe(run.apply(i))) return i + 1;
        }
        throw new AssertionError("warm-up never stopped");
    }

    private static Observation quiet(double perOpNanos) {
        return new Observation(perOpNanos, 64 * MS, false, false);
    }

    private static Observation drifting(int i) {
        return quiet(100 * Math.pow(1.05, i)); // 5 % slower every run: never settles
    }

    @Test
    void stopsWhenThreeRunsSettleWithinThreePercentAfterTwoHundredMilliseconds() throws Exception {
        WarmupPolicy warmup = settling();
        double[] perOp = {40, 20, 10, 10.2, 10.1, 10.1};
        assertThat(feed(warmup, 100 * MS, i -> quiet(perOp[i]))).isEqualTo(5); // 10, 10.2, 10.1: within 2 %
        assertThat(warmup.runs()).isEqualTo(5);
        assertThat(warmup.elapsedNanos()).isEqualTo(500 * MS);
        assertThat(warmup.settled()).isTrue();
    }

    @Test
    void stopsAtTwoHundredMillisecondsWhenSettledEarlier() throws Exception {
        WarmupPolicy warmup = settling();
        assertThat(feed(warmup, 50 * MS, i -> quiet(10))).isEqualTo(4);
        assertThat(warmup.elapsedNanos()).isEqualTo(200 * MS);
        assertThat(warmup.settled()).isTrue();
        // the JIT, the costly check, is asked only once everything else holds: at run 4, about runs 1..3
        assertThat(jitAsked).containsExactly(1);
    }

    @Test
    void doesNotStopBeforeTwoHundredMillisecondsEvenIfSettled() throws Exception {
        WarmupPolicy warmup = settling();
        assertThat(feed(warmup, 10 * MS, i -> quiet(10))).isEqualTo(20);
        assertThat(warmup.elapsedNanos()).isEqualTo(200 * MS);
        assertThat(warmup.settled()).isTrue();
    }

    @Test
    void aDriftingSeriesWarmsUntilTheBudgetAndStopsUnsettled() throws Exception {
        WarmupPolicy warmup = settling();
        // budget 2,000 ms − measurement 900 ms − probe 100 ms = 1,000 ms: ten runs of 100 ms
        assertThat(feed(warmup, 100 * MS, WarmupPolicyTest::drifting)).isEqualTo(10);
        assertThat(warmup.elapsedNanos()).isEqualTo(1_000 * MS);
        assertThat(warmup.settled()).isFalse();
        assertThat(jitAsked).isEmpty();
    }

    @Test
    void allocatingCodeWithoutACollectionKeepsWarming() throws Exception {
        WarmupPolicy never = settling();
        assertThat(feed(never, 100 * MS, i -> new Observation(10, 64 * MS, true, false)))
                .isEqualTo(10);
        assertThat(never.settled()).isFalse();

        WarmupPolicy collectedAtSixth = settling();
        assertThat(feed(collectedAtSixth, 100 * MS, i -> new Observation(10, 64 * MS, true, i >= 5)))
                .isEqualTo(6);
        assertThat(collectedAtSixth.elapsedNanos()).isEqualTo(600 * MS);
        assertThat(collectedAtSixth.settled()).isTrue();
    }

    @Test
    void runsOnFreshMemoryKeepWarmingAfterTheCollectionUntilTheHeapStopsGrowing() throws Exception {
        // Collected from the first run, but the timed thread faults on never-touched pages until the 7th.
        WarmupPolicy warmup = settling();
        assertThat(feed(warmup, 100 * MS, i -> new Observation(10, 64 * MS, true, true, i < 6)))
                .isEqualTo(7);
        assertThat(warmup.settled()).isTrue();
        WarmupPolicy alwaysFresh = settling();
        assertThat(feed(alwaysFresh, 100 * MS, i -> new Observation(10, 64 * MS, true, true, true)))
                .isEqualTo(10);
        assertThat(alwaysFresh.settled()).isFalse();
    }

    @Test
    void codeThatDoesNotAllocateNeedsNoCollection() throws Exception {
        WarmupPolicy warmup = settling();
        assertThat(feed(warmup, 100 * MS, i -> new Observation(10, 64 * MS, false, false)))
                .isEqualTo(3);
        assertThat(warmup.settled()).isTrue();
    }

    @Test
    void shortRunsMustBeJitQuietForATenthOfASecondNotOnlyThreeRuns() throws Exception {
        // -n 1000000: 2 ms runs. Settled at run 100 (200 ms); the JIT is asked about the runs since 100 ms before:
        // run 100's end is at 200 ms, and run 50 starts at 100 ms (0-based index 50 begins after 50 runs of 2 ms).
        WarmupPolicy warmup = settling();
        assertThat(feed(warmup, 2 * MS, i -> quiet(7))).isEqualTo(100);
        assertThat(jitAsked).containsExactly(50);
        assertThat(warmup.quietFrom()).isEqualTo(50);
    }

    @Test
    void aJitEventKeepsWarmingUntilThreeQuietRuns() throws Exception {
        // a compilation during run 4 (0-based): quiet only since run 5
        WarmupPolicy warmup = policy(new TimeitPlan(2_000 * MS, 0, 0, 0, 0, 1), PROBE, run -> {
            jitAsked.add(run);
            return run > 4;
        });
        assertThat(feed(warmup, 100 * MS, i -> quiet(10))).isEqualTo(8);
        assertThat(jitAsked).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(warmup.elapsedNanos()).isEqualTo(800 * MS);
        assertThat(warmup.settled()).isTrue();
    }

    @Test
    void aGrowingHeapKeepsWarmingUntilThreeRunsSeeTheSameCommittedHeap() throws Exception {
        long[] committed = {100, 200, 300, 400, 400, 400, 400};
        WarmupPolicy warmup = settling();
        assertThat(feed(warmup, 100 * MS, i -> new Observation(10, committed[i] * MS, false, false)))
                .isEqualTo(6);
        assertThat(warmup.settled()).isTrue();

        WarmupPolicy alwaysGrowing = settling();
        assertThat(feed(alwaysGrowing, 100 * MS, i -> new Observation(10, (i + 1) * MS, false, false)))
                .isEqualTo(10);
        assertThat(alwaysGrowing.settled()).isFalse();
    }

    @Test
    void exactWarmupRunsStopAfterExactlyThatManyWhateverTheClock() throws Exception {
        TimeitPlan fiveRuns = new TimeitPlan(0, 0, 0, 0, 5, 1);
        WarmupPolicy settledSeries = policy(fiveRuns, PROBE, quietJit());
        assertThat(feed(settledSeries, 1_000 * MS, i -> quiet(10))).isEqualTo(5); // 5 s: far past any budget
        assertThat(settledSeries.elapsedNanos()).isEqualTo(5_000 * MS);
        assertThat(settledSeries.settled()).isTrue();

        WarmupPolicy driftingSeries = policy(fiveRuns, PROBE, quietJit());
        assertThat(feed(driftingSeries, 1 * MS, WarmupPolicyTest::drifting)).isEqualTo(5);
        assertThat(driftingSeries.settled()).isFalse();
        assertThat(jitAsked).isEmpty();
    }

    @Test
    void exactRunsWinOverExactTimeAndOverASlowOperation() throws Exception {
        WarmupPolicy warmup = policy(new TimeitPlan(1_000 * MS, 0, 0, 100 * MS, 5, 1), 1_000 * MS, quietJit());
        assertThat(feed(warmup, 100 * MS, i -> quiet(10))).isEqualTo(5);
    }

    @Test
    void exactWarmupTimeStopsAtThatTimeOfTheFakeClock() throws Exception {
        TimeitPlan halfSecond = new TimeitPlan(0, 0, 0, 500 * MS, 0, 1);
        WarmupPolicy onTheDot = policy(halfSecond, PROBE, run -> false);
        assertThat(feed(onTheDot, 100 * MS, WarmupPolicyTest::drifting)).isEqualTo(5);
        assertThat(onTheDot.elapsedNanos()).isEqualTo(500 * MS);
        assertThat(onTheDot.settled()).isFalse();

        // a settled series does not stop it at 200 ms either; the step overshoots 500 ms by 100
        WarmupPolicy overshoot = policy(halfSecond, PROBE, run -> false);
        assertThat(feed(overshoot, 150 * MS, i -> quiet(10))).isEqualTo(4);
        assertThat(overshoot.elapsedNanos()).isEqualTo(600 * MS);
        assertThat(overshoot.settled()).isTrue();
    }

    @Test
    void anOperationLongerThanARunWarmsUpOnceUnsettled() throws Exception {
        // budget 1 s: measurement 450 ms in one run of 450 ms, shorter than the 1 s operation
        WarmupPolicy warmup = policy(new TimeitPlan(1_000 * MS, 0, 0, 0, 0, 1), 1_000 * MS, quietJit());
        assertThat(feed(warmup, 1 * MS, i -> quiet(10))).isEqualTo(1);
        assertThat(warmup.runs()).isEqualTo(1);
        assertThat(warmup.settled()).isFalse();
    }

    @Test
    void observingAfterTheEndIsAnError() throws Exception {
        WarmupPolicy warmup = policy(new TimeitPlan(0, 0, 0, 0, 1, 1), PROBE, quietJit());
        assertThat(warmup.observe(quiet(10))).isTrue();
        assertThatThrownBy(() -> warmup.observe(quiet(10))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void settledMeansTheLastThreeRunsAgreeWithinThreePercent() {
        assertThat(WarmupPolicy.settled(List.of(50.0, 10.0, 10.1, 10.2))).isTrue();
        assertThat(WarmupPolicy.settled(List.of(100.0, 102.9, 101.0))).isTrue();
        assertThat(WarmupPolicy.settled(List.of(100.0, 103.1, 101.0))).isFalse();
        assertThat(WarmupPolicy.settled(List.of(10.0, 12.0, 10.0))).isFalse();
        assertThat(WarmupPolicy.settled(List.of(10.0, 10.0))).isFalse();
        assertThat(WarmupPolicy.settled(List.of(0.0, 0.0, 0.0))).isFalse();
    }

    @Test
    void steadyMeansTheLastThreeRunsSawTheSameCommittedHeap() {
        assertThat(WarmupPolicy.steady(List.of(1L, 2L, 2L, 2L))).isTrue();
        assertThat(WarmupPolicy.steady(List.of(2L, 2L, 3L))).isFalse();
        assertThat(WarmupPolicy.steady(List.of(2L, 2L))).isFalse();
    }
}
