package dev.perfshell.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Ctrl-C's way into an engine without JDWP: a second connection to the shell's port, made right after the command
 * connection and carrying the same launch token first, read by a daemon thread. It is separate from the command
 * connection because that one is busy with the command Ctrl-C interrupts; it is not standard input because a
 * process a snippet starts with {@code inheritIO()} would read it. One byte per request (see {@link EngineProtocol}).
 */
final class ControlChannel {
    private ControlChannel() {}

    /** The shell asked for a control connection (it started this engine without JDWP). */
    static boolean wanted() {
        return Boolean.getBoolean(EngineProtocol.CONTROL_PROPERTY);
    }

    /** Connects and reads requests until the shell closes the connection (it has then ended). */
    static void connect(int port, String token, ClientCodeStop stop, Runnable interrupted) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        OutputStream out = socket.getOutputStream();
        out.write((token + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        Thread reader = new Thread(
                () -> {
                    try (socket) {
                        for (int request; (request = in.read()) >= 0; ) {
                            if (request == EngineProtocol.CONTROL_INTERRUPT) interrupted.run();
                            else if (request == EngineProtocol.CONTROL_STOP) stop.stop();
                            // any other byte: a later shell's request, nothing to do
                        }
                    } catch (IOException shellGone) {
                        // nothing more will come; the command connection's end halts the engine
                    }
                },
                "perfshell-control");
        reader.setDaemon(true);
        reader.start();
    }
}
