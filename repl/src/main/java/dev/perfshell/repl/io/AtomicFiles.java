package dev.perfshell.repl.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Output files written all at once: the content goes to a temporary file in the target's folder,
 * is forced to disk, then renamed over the target ({@code ATOMIC_MOVE}). A reader never sees half a
 * file, and a crash mid-write leaves the old file (and at worst a hidden {@code .NAME.*.tmp}).
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * @param overwrite replace an existing file; otherwise an existing target is refused
     * @throws FileAlreadyExistsException when the target exists and {@code overwrite} is false
     * @throws NoSuchFileException        when the target's folder does not exist
     */
    public static void write(Path target, byte[] content, boolean overwrite) throws IOException {
        write(
                target,
                channel -> {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) channel.write(buffer);
                },
                overwrite);
    }

    /** Writes the content of a file into the (temporary) channel it is given. */
    @FunctionalInterface
    public interface Content {
        void writeTo(FileChannel channel) throws IOException;
    }

    /**
     * As {@link #write(Path, byte[], boolean)}, with the content streamed into the temporary file: when
     * {@code content} fails, or the process dies while it writes, the target is untouched.
     */
    public static void write(Path target, Content content, boolean overwrite) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder))
            throw new NoSuchFileException(target.toString(), null, "no such folder");
        if (Files.isDirectory(absolute)) throw new FileAlreadyExistsException(target.toString(), null, "is a folder");
        if (!overwrite && Files.exists(absolute)) throw new FileAlreadyExistsException(target.toString());
        Path temp = folder.resolve("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
        try {
            // Not Files.createTempFile: its 0600 permissions would end up on the result file.
            try (FileChannel channel =
                    FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
                channel.force(true);
            }
            if (!overwrite && Files.exists(absolute)) throw new FileAlreadyExistsException(target.toString());
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
