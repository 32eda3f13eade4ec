package dev.perfshell.profiling.memory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine process's resident set (RSS) from Linux's {@code /proc/self}: the secondary figure of
 * {@code %memit}. It is not a statement's footprint on a JVM (the heap reuses pages it has touched:
 * the same 76 MiB allocation moved RSS by 76, 3.5 and 1.5 MiB in three runs), but it is
 * what memory_profiler users compare with. Every read returns -1 where {@code /proc} is missing.
 */
final class ProcessMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    /** Current resident set in bytes ({@code VmRSS}), or -1. */
    long rss() {
        return statusBytes("VmRSS:");
    }

    /** Peak resident set in bytes since start or the last {@link #resetPeak()} ({@code VmHWM}), or -1. */
    long peakRss() {
        return statusBytes("VmHWM:");
    }

    /**
     * Resets the peak to the current RSS (writing 5 to {@code clear_refs}, Linux 4.0+).
     *
     * @return whether the kernel accepted it; if not, {@link #peakRss()} is the peak since the engine started
     */
    boolean resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
            return true;
        } catch (IOException | RuntimeException unsupported) {
            return false;
        }
    }

    private static long statusBytes(String key) {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (!line.startsWith(key)) continue;
                String[] parts = line.substring(key.length()).trim().split("\\s+");
                return Long.parseLong(parts[0]) * 1024; // the kernel reports kB
            }
        } catch (IOException | RuntimeException unavailable) {
            // not Linux, or /proc is not mounted: the figure is unknown
        }
        return -1;
    }
}
