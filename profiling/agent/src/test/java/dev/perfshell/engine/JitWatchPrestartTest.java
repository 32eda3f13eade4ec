package dev.perfshell.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JitWatchPrestartTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger starts = new AtomicInteger();
    private final JitWatchPrestart prestart = new JitWatchPrestart(starts::incrementAndGet, now::get);

    @Test
    void startsOnceAfterASecondOfIdleness() {
        now.addAndGet(JitWatchPrestart.IDLE_NANOS - 1);
        assertThat(prestart.startIfIdle()).isFalse();
        now.addAndGet(1);
        assertThat(prestart.startIfIdle()).isTrue();
        assertThat(prestart.startIfIdle()).isTrue();
        assertThat(starts).hasValue(1);
    }

    @Test
    void neverWhileTheEngineRunsSomethingNorTooSoonAfter() {
        prestart.enter();
        now.addAndGet(10 * JitWatchPrestart.IDLE_NANOS);
        assertThat(prestart.startIfIdle()).isFalse();
        prestart.leave();
        now.addAndGet(JitWatchPrestart.IDLE_NANOS / 2);
        assertThat(prestart.startIfIdle()).isFalse();
        now.addAndGet(JitWatchPrestart.IDLE_NANOS);
        assertThat(prestart.startIfIdle()).isTrue();
        assertThat(starts).hasValue(1);
    }

    @Test
    void startNowNeedsNoIdleness() {
        prestart.enter();
        assertThat(prestart.startIfIdle()).isFalse();
        prestart.startNow();
        assertThat(prestart.startIfIdle()).isTrue();
        assertThat(starts).hasValue(1);
    }

    @Test
    void aMeasurementFirstCancelsIt() {
        prestart.beforeMeasurement();
        now.addAndGet(10 * JitWatchPrestart.IDLE_NANOS);
        assertThat(prestart.startIfIdle()).isTrue();
        assertThat(starts).hasValue(0);
    }

    @Test
    void aMeasurementWaitsForAStartInProgress() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        AtomicLong clock = new AtomicLong();
        JitWatchPrestart slow = new JitWatchPrestart(
                () -> {
                    started.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                clock::get);
        clock.set(10 * JitWatchPrestart.IDLE_NANOS);
        Thread starter = new Thread(slow::startIfIdle);
        starter.start();
        started.await();
        Thread measurement = new Thread(slow::beforeMeasurement);
        measurement.start();
        measurement.join(200);
        assertThat(measurement.isAlive())
                .as("the measurement waits while JFR starts")
                .isTrue();
        release.countDown();
        measurement.join(5_000);
        starter.join(5_000);
        assertThat(measurement.isAlive()).isFalse();
    }
}
