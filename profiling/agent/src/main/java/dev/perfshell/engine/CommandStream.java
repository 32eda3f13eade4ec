package dev.perfshell.engine;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * The command socket's input, watched for its end. A shell ends its engine with JShell's close command, so the
 * stream ending (EOF or a reset) means the shell died: the kernel closes its sockets at once, even on SIGKILL.
 * This notices within milliseconds, while a snippet still runs on the main thread; {@link ParentWatchdog}'s
 * polling of the parent can take up to 5 s in an engine that has run for minutes (the JDK's back-off).
 */
final class CommandStream extends FilterInputStream {
    private final ProcessHandle shell;
    private final Duration grace;
    private final Runnable halt;
    private boolean ended;

    /**
     * @param grace how long a shell that closed the stream may still live: a close command read just before
     *              the end halts the engine itself (exit code 0) within this time
     * @param halt  ends the engine (in production {@code Runtime.halt(EXIT_PARENT_GONE)})
     */
    CommandStream(InputStream socket, ProcessHandle shell, Duration grace, Runnable halt) {
        super(socket);
        this.shell = shell;
        this.grace = grace;
        this.halt = halt;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            if (b < 0) ended();
            return b;
        } catch (IOException reset) {
            ended();
            throw reset;
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int n = super.read(buffer, offset, length);
            if (n < 0) ended();
            return n;
        } catch (IOException reset) {
            ended();
            throw reset;
        }
    }

    private void ended() {
        if (ended) return;
        ended = true;
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            while (shell.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        halt.run();
    }
}
