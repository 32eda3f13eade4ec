package dev.perfshell.engine;

import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C without a debugger: stops the thread that runs user code with {@link Thread#stop()}, the mechanism
 * JDWP's {@code ThreadReference.stop} uses too (an asynchronous exception, thrown at the thread's next safepoint
 * poll). The shell asks for it over the engine's control connection ({@link ControlChannel}), so the engine JVM
 * needs no JDWP agent, whose capabilities slow compiled code (HashMap.get +20%, a sort +12% here; docs/architecture.md).
 *
 * <p>The exception must never reach the engine's own loop: a stop is sent only while user code runs
 * ({@link #enter()} … {@link #leave()}), {@link #leave()} waits for a stop already sent and absorbs it, the way
 * JShell's agent waits on its {@code expectingStop} flag, and the agent turns one that lands in its own code of
 * that call into "stopped" (EngineAgent catches the ThreadDeath around the call).
 */
final class ClientCodeStop {
    /** How long a sent stop may take to arrive; it comes at once unless user code swallowed it. */
    private static final long ARRIVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private Thread userThread;
    private boolean inClientCode;
    /** A stop was sent during the current call's user code (reset by {@link #enter()}). */
    private volatile boolean sent;
    /** When the last stop was sent: one that has not arrived by {@link #ARRIVAL_NANOS} later was swallowed. */
    private volatile long sentNanos;
    /** The sent stop's exception has been seen (by {@link #isOurs} or by {@link #leave()}). */
    private volatile boolean arrived;

    /** User code starts on the calling thread. */
    synchronized void enter() {
        userThread = Thread.currentThread();
        inClientCode = true;
        sent = false;
        arrived = false;
    }

    /**
     * User code has ended on the calling thread: from now on no stop is sent, and one already sent is waited for
     * here, where it can do no harm. May be called twice (early, right after the user code, and at the end).
     */
    void leave() {
        boolean left = false;
        while (true) {
            try {
                if (!left) {
                    synchronized (this) {
                        inClientCode = false;
                    }
                    left = true;
                }
                while (sent && !arrived && System.nanoTime() - sentNanos < ARRIVAL_NANOS) Thread.sleep(1);
                if (sent) Thread.interrupted(); // Thread.stop also sets the interrupt flag: not the next snippet's
                return;
            } catch (ThreadDeath late) {
                arrived = true; // the stop came after the user code had finished: its result stands
            } catch (InterruptedException woken) {
                // the stop's interrupt, or the user's: wait on for the exception itself
            }
        }
    }

    /**
     * Ctrl-C: stops the user code that runs now, if any (from the control thread). A stop that user code swallowed
     * is sent again on the next Ctrl-C.
     */
    @SuppressWarnings("removal") // Thread.stop is what JDWP's stop does too; the engine uses it on JDK 17-19 only
    synchronized void stop() {
        if (!inClientCode || arrived) return;
        if (sent && System.nanoTime() - sentNanos < ARRIVAL_NANOS) return; // on its way
        sent = true;
        sentNanos = System.nanoTime();
        try {
            userThread.stop();
        } catch (UnsupportedOperationException jdk20OrLater) {
            // the shell took this JDK for an older one (no release file): the second Ctrl-C ends the engine instead
            sent = false;
        }
    }

    /** Whether {@code thrown}, caught around user code, is the exception of a stop this class sent; it is then seen. */
    boolean isOurs(Throwable thrown) {
        if (!sent) return false;
        if (thrown instanceof ThreadDeath || (thrown != null && thrown.getCause() instanceof ThreadDeath)) {
            arrived = true;
            return true;
        }
        return false;
    }
}
