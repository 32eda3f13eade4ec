package dev.perfshell.repl;

import java.io.IOException;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * Writes to whatever stream the supplier gives at the time of writing: the engine starts before
 * the terminal exists, and its output goes to the terminal once it does.
 */
final class ForwardingOutput extends OutputStream {
    private final Supplier<OutputStream> target;

    ForwardingOutput(Supplier<OutputStream> target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        target.get().write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        target.get().write(bytes, offset, length);
    }

    @Override
    public void flush() throws IOException {
        target.get().flush();
    }
}
