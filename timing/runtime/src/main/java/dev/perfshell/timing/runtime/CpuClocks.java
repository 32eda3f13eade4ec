package dev.perfshell.timing.runtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU clocks with nanosecond resolution where the JDK's are coarse. On Linux the JDK reports a
 * thread's user time and the process's CPU time in 10 ms ticks, so a 2 ms snippet read "user 0 ns"
 * and "engine CPU 0 ns". The kernel's scheduler statistics count every thread in nanoseconds;
 * the user/system split is only known in ticks, so system time is taken from ticks and the rest
 * of the precise thread CPU time is user time.
 */
final class CpuClocks {
    private static final Path THREAD_STAT = Path.of("/proc/thread-self/stat");
    private static final Path TASKS = Path.of("/proc/self/task");
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ is 100 on Linux

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final boolean procfs = Files.isReadable(THREAD_STAT) && Files.isDirectory(TASKS);

    /** This thread's CPU time in nanoseconds (precise). */
    long threadCpu() {
        return threads.getCurrentThreadCpuTime();
    }

    /** This thread's system (kernel) time in nanoseconds: tick resolution on Linux. */
    long threadSystem() {
        if (!procfs) return threads.getCurrentThreadCpuTime() - threads.getCurrentThreadUserTime();
        try {
            String stat = Files.readString(THREAD_STAT, StandardCharsets.US_ASCII);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[12]) * TICK_NANOS; // stime: field 15 of stat, 13th after the name
        } catch (IOException | RuntimeException e) {
            return threads.getCurrentThreadCpuTime() - threads.getCurrentThreadUserTime();
        }
    }

    /**
     * The engine process's CPU time: the sum of every thread's scheduler run time (JIT compiler
     * and GC threads included), or the JDK's tick-resolution figure where that is larger or
     * /proc is absent. Threads that end during the measurement are missed.
     */
    long processCpu() {
        long coarse = os.getProcessCpuTime();
        if (!procfs) return coarse;
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String schedstat = Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII);
                    sum += Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
                } catch (IOException | RuntimeException threadEnded) {
                    // the thread ended while we listed it
                }
            }
        } catch (IOException e) {
            return coarse;
        }
        return sum;
    }
}
