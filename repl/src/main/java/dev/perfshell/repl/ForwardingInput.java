package dev.perfshell.repl;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** Reads from whatever stream the supplier gives at the time of reading (the terminal, once built). */
final class ForwardingInput extends InputStream {
    private final Supplier<InputStream> target;

    ForwardingInput(Supplier<InputStream> target) {
        this.target = target;
    }

    @Override
    public int read() throws IOException {
        return target.get().read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return target.get().read(buffer, offset, length);
    }
}
