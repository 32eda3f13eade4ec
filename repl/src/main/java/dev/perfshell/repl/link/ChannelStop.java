package dev.perfshell.repl.link;

import dev.perfshell.engine.EngineProtocol;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/**
 * Ctrl-C over the engine's control connection (a second loopback connection, token-checked like the command one):
 * one byte per request, read by the engine's control thread (ControlChannel), which stops user code with
 * {@code Thread.stop} (ClientCodeStop). Used when the engine runs without JDWP.
 */
final class ChannelStop implements EngineStop {
    private final Socket control;
    private final OutputStream out;

    ChannelStop(Socket control) throws IOException {
        this.control = control;
        this.out = control.getOutputStream();
    }

    @Override
    public void interrupt() {
        send(EngineProtocol.CONTROL_INTERRUPT);
    }

    @Override
    public void stopUserCode() {
        send(EngineProtocol.CONTROL_STOP);
    }

    private synchronized void send(int request) {
        try {
            out.write(request);
            out.flush();
        } catch (IOException engineGone) {
            // a dead engine runs nothing: the shell reports its death
        }
    }

    @Override
    public synchronized void dispose() {
        try {
            control.close();
        } catch (IOException alreadyClosed) {
            // nothing left to release
        }
    }
}
