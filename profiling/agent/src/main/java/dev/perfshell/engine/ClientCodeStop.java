package dev.perfshell.engine;

import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C without a debugger: stops the thread that runs user code with {@link Thread#stop()}, the mechanism
 * JDWP's {@code ThreadReference.stop} uses too (an asynchronous exception, thrown at the thread's next safepoint
 * poll). The shell asks for it over the engine's standard input ({@link ControlChannel}), so the engine JVM needs
 * no JDWP agent, whose capabilities slow compiled code (HashMap.get +20%, a sort +12% here; README).
 *
 * <p>The exception must never reach the engine's own loop: a stop is sent only while user code runs
 * ({@link #enter()} … {@link #leave()}), and {@link #leave()} waits for a stop already sent and absorbs it, the
 * way JShell's agent waits on its {@code expectingStop} flag.
 */
final class ClientCodeStop {
    /** How long {@link #leave()} waits for a sent stop to arrive; it comes at once unless user code swallowed it. */
    private static final long ARRIVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private Thread userThread;
    private boolean inClientCode;
    /** A stop was sent and its exception has not been seen yet. */
    private volatile boolean pending;

    /** User code starts on the calling thread. */
    synchronized void enter() {
        userThread = Thread.currentThread();
        inClientCode = true;
    }

    /**
     * User code has ended on the calling thread: from now on no stop is sent, and one already sent is waited for
     * here, where it can do no harm.
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
                long deadline = System.nanoTime() + ARRIVAL_NANOS;
                while (pending && System.nanoTime() < deadline) Thread.sleep(1);
                pending = false; // not arrived: user code caught it
                return;
            } catch (ThreadDeath late) {
                pending = false; // the stop arrived after the user code had finished: its result stands
            } catch (InterruptedException e) {
                pending = false;
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Ctrl-C: stops the user code that runs now, if any (from the control thread). */
    @SuppressWarnings("removal") // Thread.stop is what JDWP's stop does too; the engine runs it on JDK 17-19 only
    synchronized void stop() {
        if (!inClientCode || pending) return;
        pending = true;
        try {
            userThread.stop();
        } catch (UnsupportedOperationException jdk20OrLater) {
            // the shell took this JDK for an older one (no release file): the second Ctrl-C ends the engine instead
            pending = false;
        }
    }

    /** Whether {@code thrown}, caught around user code, is the exception of a stop this class sent; it is then consumed. */
    boolean isOurs(Throwable thrown) {
        if (!pending) return false;
        if (thrown instanceof ThreadDeath || (thrown != null && thrown.getCause() instanceof ThreadDeath)) {
            pending = false;
            return true;
        }
        return false;
    }
}
