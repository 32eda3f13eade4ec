package dev.perfshell.repl.engine;

import dev.perfshell.engine.EngineProtocol;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Ctrl-C over the engine's standard input, a pipe only the shell holds: one byte per request, read by the engine's
 * control thread (ControlChannel), which stops user code with {@code Thread.stop} (ClientCodeStop). Used when the
 * engine runs without JDWP.
 */
final class PipeStop implements EngineStop {
    private final OutputStream stdin;

    PipeStop(OutputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public void interrupted(boolean value) {
        send(value ? EngineProtocol.CONTROL_INTERRUPT : EngineProtocol.CONTROL_NEW_INPUT);
    }

    @Override
    public void stopUserCode() {
        send(EngineProtocol.CONTROL_STOP);
    }

    private synchronized void send(int request) {
        try {
            stdin.write(request);
            stdin.flush();
        } catch (IOException engineGone) {
            // a dead engine runs nothing: the shell reports its death
        }
    }

    @Override
    public synchronized void dispose() {
        try {
            stdin.close();
        } catch (IOException alreadyClosed) {
            // nothing left to release
        }
    }
}
