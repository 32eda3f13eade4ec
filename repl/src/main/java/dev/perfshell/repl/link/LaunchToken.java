package dev.perfshell.repl.link;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A one-time secret per engine launch. The shell writes it to the engine's standard input (a pipe that only
 * the shell holds) and the engine sends it back as the first line on the command socket: the shell accepts
 * one connection on that port and keeps it only when it carries the token, so another local process that
 * connects first cannot pose as the engine (and never receives the session's classes).
 */
final class LaunchToken {
    /** Hex of 32 random bytes; the engine accepts 32 to 128 hex digits (LaunchCheck). */
    private static final int BYTES = 32;

    private final String value;

    private LaunchToken(String value) {
        this.value = value;
    }

    static LaunchToken create() {
        byte[] bytes = new byte[BYTES];
        new SecureRandom().nextBytes(bytes);
        return new LaunchToken(HexFormat.of().formatHex(bytes));
    }

    /** Hands the token to the engine on its standard input, then closes it (the engine reads one line). */
    void sendTo(Process engine) throws IOException {
        try (OutputStream stdin = engine.getOutputStream()) {
            stdin.write((value + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * Reads the first line of an accepted connection within the socket's timeout.
     *
     * @throws IOException when it is not the token: the caller closes the connection and refuses the engine
     */
    void expectFrom(Socket socket) throws IOException {
        if (!matches(socket.getInputStream())) {
            throw new IOException("a process other than the engine connected to the engine's port on "
                    + socket.getRemoteSocketAddress() + " (no launch token); the connection was refused");
        }
    }

    /** True when the stream starts with the token and a newline; reads no further than that line. */
    boolean matches(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || line.size() == value.length()) return false; // ended early, or longer than a token
            line.write(b);
        }
        // Constant time: the comparison tells a guesser nothing about how close it came.
        return MessageDigest.isEqual(line.toByteArray(), value.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "LaunchToken[hidden]";
    }
}
