package dev.perfshell.profiling.flame;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file that a profiler writes by itself ({@code %flame --jfr FILE}: JFR's dump, async-profiler's {@code file=}),
 * made atomic from outside: the profiler writes a hidden temporary file in the target's folder, which replaces
 * the target in one rename once the recording is complete. A profile that fails or an engine that dies midway
 * leaves the previous file as it was. (The shell's own files go through its AtomicFiles; the engine cannot
 * reach that class.)
 */
final class AtomicOutput {
    private final Path target;
    private final Path temporary;

    AtomicOutput(Path target) {
        this.target = target.toAbsolutePath().normalize();
        // No comma: async-profiler's options are comma-separated. Same folder: the rename stays on one file system.
        this.temporary = this.target.resolveSibling("." + this.target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
    }

    /** Where the profiler writes. */
    Path temporary() {
        return temporary;
    }

    /** Replaces the target with the finished temporary file; false when the profiler wrote none. */
    boolean commit() throws IOException {
        if (!Files.isRegularFile(temporary)) return false;
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }

    /** Removes what an unfinished profile left behind; after a commit there is nothing to remove. */
    void discard() throws IOException {
        Files.deleteIfExists(temporary);
    }
}
