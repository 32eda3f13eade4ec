package dev.perfshell.engine;

import java.io.IOException;
import java.io.InputStream;

/**
 * Ctrl-C's way into the engine: the engine's standard input, a pipe only the shell holds, read after the launch
 * token by a daemon thread. It is separate from the command socket because that one is busy with the command that
 * Ctrl-C interrupts. One byte per request, in the order the shell sent them (see {@link EngineProtocol}).
 */
final class ControlChannel {
    private ControlChannel() {}

    /** Reads requests until the shell closes the pipe (it has then ended; the command stream's end halts the engine). */
    static void start(InputStream stdin, ClientCodeStop stop, java.util.function.Consumer<Boolean> interrupted) {
        Thread reader = new Thread(() -> {
            try {
                for (int request; (request = stdin.read()) >= 0; ) {
                    switch (request) {
                        case EngineProtocol.CONTROL_INTERRUPT -> interrupted.accept(true);
                        case EngineProtocol.CONTROL_NEW_INPUT -> interrupted.accept(false);
                        case EngineProtocol.CONTROL_STOP -> stop.stop();
                        default -> { } // a newline or a byte of a later shell's protocol: nothing to do
                    }
                }
            } catch (IOException shellGone) {
                // nothing more will come
            }
        }, "perfshell-control");
        reader.setDaemon(true);
        reader.start();
    }
}
