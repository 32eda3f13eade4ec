package dev.perfshell.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Ctrl-C without JDWP: Thread.stop reaches user code only, and never escapes into the engine's own code. */
class ClientCodeStopTest {
    private final ClientCodeStop stop = new ClientCodeStop();
    private volatile long sink;

    /** Spins like a snippet that never ends: no call, no allocation, only the loop's safepoint poll. */
    private void spin(AtomicBoolean until) {
        long x = 0;
        while (!until.get()) x++;
        sink = x;
    }

    @Test
    void stopsUserCodeThatSpinsAndTheEngineSeesItsOwnStop() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        AtomicReference<String> outcome = new AtomicReference<>("nothing");
        Thread engine = new Thread(() -> {
            try {
                stop.enter();
                entered.countDown();
                spin(new AtomicBoolean());
                outcome.set("ran to its end");
            } catch (ThreadDeath d) {
                outcome.set(stop.isOurs(d) ? "stopped by us" : "a foreign ThreadDeath");
            } finally {
                stop.leave();
            }
            outcome.set(outcome.get() + ", then the engine went on");
        });
        engine.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        stop.stop();
        engine.join(10_000);
        assertThat(engine.isAlive()).as("the spinning thread was stopped").isFalse();
        assertThat(outcome.get()).isEqualTo("stopped by us, then the engine went on");
    }

    @Test
    void outsideUserCodeAStopDoesNothing() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        CountDownLatch left = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread engine = new Thread(() -> {
            try {
                stop.enter();
                stop.leave();
                left.countDown();
                spin(done); // the engine's own code: must never see a ThreadDeath
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        engine.start();
        assertThat(left.await(10, TimeUnit.SECONDS)).isTrue();
        stop.stop();
        Thread.sleep(300);
        done.set(true);
        engine.join(10_000);
        assertThat(thrown.get()).isNull();
        assertThat(stop.isOurs(new ThreadDeath())).as("no stop pending").isFalse();
    }

    @Test
    void aStopThatUserCodeSwallowedIsSentAgainOnTheNextCtrlC() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch swallowed = new CountDownLatch(1);
        AtomicReference<String> outcome = new AtomicReference<>("nothing");
        Thread engine = new Thread(() -> {
            try {
                stop.enter();
                try {
                    entered.countDown(); // inside: the stop must land in this try
                    spin(new AtomicBoolean());
                } catch (ThreadDeath first) {
                    swallowed.countDown(); // user code that catches everything, then spins on
                }
                spin(new AtomicBoolean());
                outcome.set("ran to its end");
            } catch (ThreadDeath second) {
                outcome.set(stop.isOurs(second) ? "stopped by the second Ctrl-C" : "a foreign ThreadDeath");
            } finally {
                stop.leave();
            }
        });
        engine.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        stop.stop();
        assertThat(swallowed.await(10, TimeUnit.SECONDS)).isTrue();
        stop.stop(); // at once: the first one counts as on its way, nothing is sent
        Thread.sleep(100);
        assertThat(engine.isAlive())
                .as("a stop within the arrival time is not sent twice")
                .isTrue();
        Thread.sleep(300);
        stop.stop();
        engine.join(10_000);
        assertThat(engine.isAlive()).isFalse();
        assertThat(outcome.get()).isEqualTo("stopped by the second Ctrl-C");
    }

    @Test
    void aStopThatArrivesInLeaveIsAbsorbedAndTheInterruptFlagCleared() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch stopSent = new CountDownLatch(1);
        AtomicReference<String> outcome = new AtomicReference<>("nothing");
        Thread engine = new Thread(() -> {
            try {
                stop.enter();
                entered.countDown();
                // The user code ends before the stop can land: it blocks in no safepoint the stop reaches first.
                stopSent.await();
            } catch (InterruptedException woken) {
                // Thread.stop interrupts a waiting thread; the ThreadDeath itself comes at the next check
            } catch (ThreadDeath early) {
                outcome.set("landed in user code");
                stop.isOurs(early);
            }
            try {
                stop.leave();
                outcome.compareAndSet(
                        "nothing", Thread.currentThread().isInterrupted() ? "interrupt flag left set" : "absorbed");
            } catch (ThreadDeath escaped) {
                outcome.set("escaped leave()");
            }
        });
        engine.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        stop.stop();
        stopSent.countDown();
        engine.join(10_000);
        assertThat(outcome.get()).isIn("absorbed", "landed in user code");
    }
}
