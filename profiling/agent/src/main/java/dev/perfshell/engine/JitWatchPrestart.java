package dev.perfshell.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Starts %timeit's JIT watch ahead of the first timing. The watch is a JFR recording, and starting JFR
 * costs about 0.7 s of CPU the first time in a JVM, with compilations of its own that lengthened the
 * first %timeit's warm-up too: the first %timeit of a session took 2.9-3.7 s, the next ones 1.4-1.6 s.
 * So the engine starts it once it has been idle for a second (the user is typing), unless a measurement
 * has come first, which then starts JFR itself as before. (The blackhole self-check, 0.4 s, runs then too.)
 * A measurement never shares the CPU with the start: one that arrives meanwhile waits for it. A script that
 * keeps the engine busy never sees it.
 */
final class JitWatchPrestart {
    static final long IDLE_NANOS = 1_000_000_000L;
    private static final long POLL_MILLIS = 200;

    private final Runnable start;
    private final LongSupplier clock;
    private final AtomicInteger busy = new AtomicInteger();
    private volatile long idleSince;
    /** The shell expects timings soon (a script with %timeit): start without waiting for idleness. */
    private volatile boolean now;

    private boolean done; // guarded by this: started, or a measurement came first

    JitWatchPrestart(Runnable start, LongSupplier clock) {
        this.start = start;
        this.clock = clock;
        this.idleSince = clock.getAsLong();
    }

    /** Before every measurement: waits for a start in progress, and cancels one not yet begun. */
    synchronized void beforeMeasurement() {
        done = true;
    }

    /** The engine starts running something for the shell (a snippet, a command). */
    void enter() {
        busy.incrementAndGet();
    }

    /** ... and is done with it. */
    void leave() {
        idleSince = clock.getAsLong();
        busy.decrementAndGet();
    }

    /**
     * A script that times is coming: start at the next poll, busy or not. A script keeps the engine busy, so
     * it would never be idle, and its first %timeit would pay the whole start; this way the start overlaps
     * the script's first inputs, on the other core.
     */
    void startNow() {
        now = true;
    }

    /** Starts the watch when the engine has been idle long enough; true when there is nothing left to do. */
    synchronized boolean startIfIdle() {
        if (done) return true;
        if (!now && (busy.get() > 0 || clock.getAsLong() - idleSince < IDLE_NANOS)) return false;
        done = true;
        start.run();
        return true;
    }

    /** Polls {@link #startIfIdle()} on a daemon thread until it is done. */
    void startWhenIdle() {
        Thread thread = new Thread(
                () -> {
                    try {
                        while (!startIfIdle()) Thread.sleep(POLL_MILLIS);
                    } catch (InterruptedException | RuntimeException noHeadStart) {
                        // no head start: the first timing starts the watch itself
                    }
                },
                "perfshell-jit-watch-start");
        thread.setDaemon(true);
        thread.start();
    }
}
