package dev.perfshell.profiling.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The meter in this JVM, with code standing in for snippet invocations between begin() and end(). */
class MemoryMeterTest {
    private final MemoryMeter meter = new MemoryMeter();
    /** Where "snippets" keep what they allocate, so it escapes (and, for retained, stays). */
    private final List<Object> kept = new ArrayList<>();

    private Object sink;

    private MemitRun measure(Runnable snippet) {
        meter.arm(false);
        meter.begin();
        snippet.run();
        meter.end();
        return meter.take();
    }

    @Test
    void allocationIsExact() {
        MemitRun figures = measure(() -> sink = new byte[1024]);
        assertThat(figures.allocatedBytes()).isEqualTo(1040L); // 1,024 + a 16-byte header (compressed class pointers)
        assertThat(figures.invocations()).isEqualTo(1);
    }

    @Test
    void aShortLivedAllocationShowsInThePeak() {
        // 40 MB that is garbage before the statement ends: sampling RSS every 0.1 s misses it, the heap peak cannot
        MemitRun figures = measure(() -> {
            sink = new long[5_000_000];
            sink = null;
            for (int i = 0; i < 100; i++) sink = new byte[100];
        });
        long increment = figures.peakBytes() - figures.baselineBytes();
        assertThat(increment).isGreaterThanOrEqualTo(40_000_016L);
        assertThat(figures.retainedBytes()).isLessThan(1_000_000L);
    }

    @Test
    void retainedIsWhatStaysReachable() {
        MemitRun keep = measure(() -> {
            for (int i = 0; i < 10; i++) kept.add(new byte[1_000_000]);
        });
        assertThat((double) keep.retainedBytes()).isCloseTo(10_000_000, within(500_000.0));
        MemitRun drop = measure(kept::clear);
        assertThat((double) drop.retainedBytes()).isCloseTo(-10_000_000, within(500_000.0));
    }

    @Test
    void manyInvocationsAccumulateUntilTaken() {
        meter.arm(false);
        for (int i = 0; i < 3; i++) {
            meter.begin();
            sink = new byte[1024];
            meter.end();
        }
        sink = new byte[4096]; // between invocations: not the statement's
        MemitRun figures = meter.take();
        assertThat(figures.invocations()).isEqualTo(3);
        assertThat(figures.allocatedBytes()).isEqualTo(3 * 1040L);
    }

    @Test
    void allThreadsCountsOtherLiveThreads() throws InterruptedException {
        java.util.concurrent.CountDownLatch allocated = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch measured = new java.util.concurrent.CountDownLatch(1);
        // JDK 17 sums live threads only: a thread that ended during the run is missed (docs/magics/memit.md says so)
        Thread worker = new Thread(() -> {
            sink = new byte[5_000_000];
            allocated.countDown();
            try {
                measured.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        meter.arm(true);
        meter.begin();
        worker.start();
        allocated.await();
        meter.end();
        MemitRun figures = meter.take();
        measured.countDown();
        worker.join();
        assertThat(figures.allThreads()).isTrue();
        assertThat(figures.allocatedBytes()).isGreaterThanOrEqualTo(5_000_016L);
    }

    @Test
    void notArmedMeansNothingIsCounted() {
        meter.begin();
        sink = new byte[1024];
        meter.end();
        meter.cancel();
        meter.arm(false);
        assertThat(meter.take().invocations()).isZero();
    }

    @Test
    void defaultLayoutHasNoFlags() {
        assertThat(MemoryMeter.layoutFlags()).isEmpty();
    }
}
