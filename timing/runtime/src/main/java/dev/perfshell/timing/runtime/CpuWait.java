package dev.perfshell.timing.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long the calling thread has waited for a CPU so far: the run-queue delay of {@code /proc/thread-self/schedstat}
 * (Linux), the time it was ready to run while other threads or processes held every core.
 *
 * <p>Why: on a shared machine another process takes a core in the middle of a run, and the run's wall time grows by
 * what it lost, with no other sign. Measured on this project's 2-core VM with three busy processes beside a 1 µs
 * loop: runs that waited half their time read 2.3-2.8 µs per operation instead of 1.1, and runs that waited none read
 * 1.1. This counter tells those runs apart exactly, and a thread that blocks on its own (sleep, I/O) does not count as
 * waiting: it was not ready to run.
 */
final class CpuWait {
    private static final Path SELF = Path.of("/proc/thread-self/schedstat");

    private final boolean available = Files.isReadable(SELF);

    /** The calling thread's run-queue wait so far in ns, or -1 where the OS does not say. */
    long nanos() {
        if (!available) return -1;
        try {
            return parse(new String(Files.readAllBytes(SELF), StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The second field of a {@code schedstat} line: {@code on-CPU ns, run-queue wait ns, time slices}. */
    static long parse(String schedstat) {
        return Long.parseLong(schedstat.trim().split("\\s+")[1]);
    }
}
