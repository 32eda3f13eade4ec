package dev.perfshell.repl.link;

import java.time.Duration;

/**
 * The engine JVM was started but did not connect back in time (a JVM that hangs before main, a wrapper
 * script that never starts Java, a machine too loaded to start one): the launch is given up and the
 * process ended, so the shell can say so in one line instead of a JDI connector dump.
 */
public final class EngineConnectTimeout extends Exception {
    private final Duration timeout;

    EngineConnectTimeout(Duration timeout, Throwable cause) {
        super("the engine JVM did not connect within " + timeout.toSeconds() + " s", cause);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
