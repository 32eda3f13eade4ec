package dev.perfshell.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The engine starts only under the shell that launched it. The shell names itself with
 * {@code -Dperfshell.shell.pid=PID} and writes a one-time token to the engine's standard input (a pipe only
 * the launching process holds); the engine checks that PID is its parent and sends the token back as the
 * first line on the command socket, so the shell can tell its engine from anything else that connects to
 * the port first. An engine started by hand, or under another process, refuses to run user code.
 */
final class LaunchCheck {
    static final String SHELL_PID_PROPERTY = "perfshell.shell.pid";
    /** A token is hex; anything longer than this is not one (and is not read to the end). */
    static final int MAX_TOKEN = 128;

    static final long TOKEN_WAIT_SECONDS = 10;

    /** Why the engine will not start: one line for its stderr. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why);
        }
    }

    private LaunchCheck() {}

    /**
     * @param shellPid the {@value #SHELL_PID_PROPERTY} property (null when missing)
     * @param parent   this process's parent, as the OS reports it
     * @return the verified parent, to watch for its death
     */
    static ProcessHandle verifyParent(String shellPid, Optional<ProcessHandle> parent) throws Refused {
        if (shellPid == null || shellPid.isBlank()) {
            throw new Refused("no -D" + SHELL_PID_PROPERTY + ": the engine is started by perfshell, not by hand");
        }
        long expected;
        try {
            expected = Long.parseLong(shellPid.strip());
        } catch (NumberFormatException e) {
            throw new Refused("-D" + SHELL_PID_PROPERTY + "=" + shellPid + " is not a process id");
        }
        ProcessHandle actual = parent.orElseThrow(
                () -> new Refused("this process has no parent (the shell " + expected + " is gone)"));
        if (actual.pid() != expected) {
            throw new Refused("the parent process is " + actual.pid() + ", not the shell " + expected + " that -D"
                    + SHELL_PID_PROPERTY + " names");
        }
        return actual;
    }

    /** The token the shell wrote to standard input: one line of hex, read within {@link #TOKEN_WAIT_SECONDS}. */
    static String readToken(InputStream stdin, long waitSeconds) throws Refused {
        // Read on a daemon thread: a blocked read of a terminal cannot be interrupted.
        CompletableFuture<String> line = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try {
                        line.complete(readLine(stdin));
                    } catch (IOException | RuntimeException e) {
                        line.completeExceptionally(e);
                    }
                },
                "perfshell-launch-token");
        reader.setDaemon(true);
        reader.start();
        String token;
        try {
            token = line.get(waitSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new Refused("no launch token on standard input within " + waitSeconds
                    + " s: the engine is started by perfshell, not by hand");
        } catch (ExecutionException e) {
            throw new Refused("cannot read the launch token from standard input: " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("interrupted while reading the launch token");
        }
        if (token == null || !token.matches("[0-9a-f]{32," + MAX_TOKEN + "}")) {
            throw new Refused(
                    "no valid launch token on standard input: the engine is started by perfshell, not by hand");
        }
        return token;
    }

    /** Up to the first newline, at most {@link #MAX_TOKEN} + 1 bytes; null at end of input before any byte. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b; (b = in.read()) >= 0 && b != '\n'; ) {
            bytes.write(b);
            if (bytes.size() > MAX_TOKEN) break;
        }
        return bytes.size() == 0 ? null : bytes.toString(StandardCharsets.US_ASCII);
    }
}
