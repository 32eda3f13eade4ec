package dev.perfshell.repl.session;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The engine's output on its way to the console, closable while a replay runs: replayed
 * snippets print again what they printed the first time, which would only confuse. The engine
 * writes a snippet's output before its result, so reopening after the eval returns loses none
 * of what comes next.
 */
final class OutputGate {
    private volatile boolean open = true;

    PrintStream wrap(PrintStream target) {
        return new PrintStream(
                new FilterOutputStream(target) {
                    @Override
                    public void write(int b) throws IOException {
                        if (open) out.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        if (open) out.write(bytes, offset, length);
                    }
                },
                true,
                StandardCharsets.UTF_8);
    }

    /** Runs {@code action} with the engine's output dropped. */
    <T> T muted(java.util.function.Supplier<T> action) {
        open = false;
        try {
            return action.get();
        } finally {
            open = true;
        }
    }
}
