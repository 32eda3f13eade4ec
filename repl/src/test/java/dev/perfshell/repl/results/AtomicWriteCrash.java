package dev.perfshell.repl.results;

import dev.perfshell.repl.io.AtomicFiles;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A process that dies while writing: {@code AtomicWriteCrash TARGET} streams 1 MiB chunks into TARGET
 * through {@link AtomicFiles}, slowly, for a minute, so a test can {@code kill -9} it mid-write.
 */
public final class AtomicWriteCrash {
    private AtomicWriteCrash() {}

    public static void main(String[] args) throws Exception {
        AtomicFiles.write(
                Path.of(args[0]),
                channel -> {
                    ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
                    for (int i = 0; i < 6000; i++) {
                        chunk.clear();
                        while (chunk.hasRemaining()) channel.write(chunk);
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                true);
    }
}
