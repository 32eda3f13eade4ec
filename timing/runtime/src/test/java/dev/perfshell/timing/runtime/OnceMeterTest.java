package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Proportions and exact counts only: never an absolute time. */
class OnceMeterTest {
    private static final java.util.Set<String> KEYS = java.util.Set.of(
            "wallNanos",
            "threadCpuNanos",
            "threadSystemNanos",
            "processCpuNanos",
            "gcCount",
            "gcMillis",
            "invocations");

    private static OnceMeter.Figures measure(Runnable body) {
        OnceMeter meter = new OnceMeter();
        meter.arm();
        meter.begin();
        body.run();
        meter.end();
        return meter.take();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Spins on the CPU until {@code nanos} of wall time have passed; returns a value so nothing is dead. */
    private static long spin(long nanos) {
        long end = System.nanoTime() + nanos;
        long x = 0;
        while (System.nanoTime() < end) x += Long.numberOfTrailingZeros(x + System.identityHashCode(end));
        return x;
    }

    @Test
    void replyHasExactlyTheDocumentedKeys() {
        assertThat(WireForm.write(measure(() -> {})).keySet()).isEqualTo(KEYS);
        OnceMeter.Figures figures = new OnceMeter.Figures(1, 2, 3, 4, 5, 6, 7);
        assertThat(WireForm.read(OnceMeter.Figures.class, WireForm.write(figures)))
                .isEqualTo(figures);
    }

    @Test
    void emptyIsAllZeros() {
        assertThat(new OnceMeter().take()).isEqualTo(OnceMeter.Figures.NONE);
    }

    @Test
    void wallTimeIsProportionalToSleep() {
        // warm the meter's own code paths once so that class loading does not count
        measure(() -> sleep(1));
        long twenty = measure(() -> sleep(20)).wallNanos();
        long forty = measure(() -> sleep(40)).wallNanos();
        assertThat((double) forty / twenty).isCloseTo(2.0, within(0.4));
    }

    @Test
    void sleepingUsesLittleCpu() {
        OnceMeter.Figures slept = measure(() -> sleep(40));
        assertThat(slept.threadCpuNanos()).isLessThan(slept.wallNanos() / 4);
    }

    @Test
    void busyLoopCpuIsCloseToWall() {
        measure(() -> spin(1_000_000));
        long[] sink = new long[1];
        double best = 0;
        // A thread that other processes deschedule loses CPU time (builds run beside the tests), so the
        // best of a few runs is compared; no run can gain more CPU than wall beyond what the reads cost.
        for (int attempt = 0; attempt < 5 && best < 0.8; attempt++) {
            OnceMeter.Figures busy = measure(() -> sink[0] = spin(40_000_000));
            double ratio = (double) busy.threadCpuNanos() / busy.wallNanos();
            assertThat(ratio).isLessThanOrEqualTo(1.05);
            assertThat(busy.processCpuNanos()).isGreaterThanOrEqualTo(busy.threadCpuNanos());
            assertThat(busy.threadSystemNanos()).isBetween(0L, busy.threadCpuNanos());
            assertThat(busy.invocations()).isEqualTo(1);
            best = Math.max(best, ratio);
        }
        assertThat(best).isGreaterThan(0.6);
    }

    @Test
    void accumulatesOverBeginEndPairsAndIgnoresTheGapsBetween() {
        OnceMeter meter = new OnceMeter();
        meter.arm();
        long gapStart = 0, gap = 0;
        for (int i = 0; i < 3; i++) {
            if (i > 0) gap += System.nanoTime() - gapStart;
            meter.begin();
            sleep(10);
            meter.end();
            gapStart = System.nanoTime();
            sleep(60); // outside begin/end: not measured
        }
        OnceMeter.Figures figures = meter.take();
        assertThat(figures.invocations()).isEqualTo(3);
        long wall = figures.wallNanos();
        // three 10 ms sleeps accumulate; the two 60 ms gaps between them do not
        assertThat(wall).isLessThan(gap);
        long single = measure(() -> sleep(10)).wallNanos();
        assertThat((double) wall / single).isCloseTo(3.0, within(0.9));
    }

    @Test
    void invocationsCountIsExact() {
        OnceMeter meter = new OnceMeter();
        meter.arm();
        for (int i = 0; i < 17; i++) {
            meter.begin();
            meter.end();
        }
        assertThat(meter.take().invocations()).isEqualTo(17);
    }

    @Test
    void nothingIsMeasuredUnlessArmed() {
        OnceMeter meter = new OnceMeter();
        meter.begin();
        sleep(5);
        meter.end();
        assertThat(meter.take()).isEqualTo(OnceMeter.Figures.NONE);
    }

    @Test
    void takeDisarms() {
        OnceMeter meter = new OnceMeter();
        meter.arm();
        meter.begin();
        meter.end();
        OnceMeter.Figures first = meter.take();
        assertThat(first.invocations()).isEqualTo(1);
        meter.begin();
        sleep(5);
        meter.end();
        // after take, begin/end add nothing until the next arm
        assertThat(meter.take()).isEqualTo(first);
    }

    @Test
    void armStartsAFreshMeasurement() {
        OnceMeter meter = new OnceMeter();
        meter.arm();
        meter.begin();
        sleep(5);
        meter.end();
        meter.arm();
        OnceMeter.Figures figures = meter.take();
        assertThat(figures).isEqualTo(OnceMeter.Figures.NONE);
    }

    @Test
    void countsGarbageCollections() {
        OnceMeter.Figures figures = measure(System::gc);
        assertThat(figures.gcCount()).isGreaterThanOrEqualTo(1);
        assertThat(figures.gcMillis()).isNotNegative();
        assertThat(measure(() -> {}).gcCount()).isZero();
    }

    @Test
    void fromEngineOfARealMeasurementKeepsTheProportions() {
        long[] sink = new long[1];
        OnceMeter.Figures busy = measure(() -> sink[0] = spin(30_000_000));
        OnceTiming timing = OnceTiming.fromEngine(busy, busy.wallNanos() * 3);
        assertThat(timing.wallNanos()).isEqualTo(busy.wallNanos());
        assertThat(timing.cpuNanos()).isEqualTo(busy.threadCpuNanos());
        assertThat(timing.userNanos() + timing.systemNanos()).isEqualTo(timing.cpuNanos());
        assertThat(timing.compileNanos()).isEqualTo(busy.wallNanos() * 2);
        assertThat((double) timing.cpuNanos() / timing.wallNanos()).isLessThanOrEqualTo(1.05);
        assertThat(timing.processCpuNanos()).isGreaterThanOrEqualTo(timing.cpuNanos());
    }
}
