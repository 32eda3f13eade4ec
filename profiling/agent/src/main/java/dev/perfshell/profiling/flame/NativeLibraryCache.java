package dev.perfshell.profiling.flame;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Native libraries copied out of a jar, once per content: {@code $TMPDIR/perfshell-native-USER/NAME-SHA.so}.
 *
 * <p>Why not a fresh temporary file per engine: the engine ends with {@code Runtime.halt}, so no exit hook
 * deletes it, and every engine would leave 550 KB behind. Named by the content's hash, one file serves every
 * engine and version change. The folder is the user's alone (rwx------), and a file already there is used only
 * when its bytes hash to its name: a library planted or truncated there is replaced, never loaded.
 */
final class NativeLibraryCache {
    private NativeLibraryCache() {}

    /** The library with these bytes, on disk; written (atomically) when missing or not what its name says. */
    static Path place(String name, byte[] bytes) throws IOException {
        Path folder = Path.of(
                System.getProperty("java.io.tmpdir"), "perfshell-native-" + System.getProperty("user.name", "user"));
        if (!Files.isDirectory(folder)) {
            try {
                Files.createDirectories(
                        folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectories(folder);
            }
        }
        String hash = sha256(bytes).substring(0, 16);
        Path library = folder.resolve(name + "-" + hash + ".so");
        if (Files.isRegularFile(library) && sha256(Files.readAllBytes(library)).startsWith(hash)) return library;
        Path temp = Files.createTempFile(folder, name, ".tmp");
        try {
            Files.write(temp, bytes);
            try {
                Files.move(temp, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, library, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return library;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JDK has SHA-256
        }
    }
}
