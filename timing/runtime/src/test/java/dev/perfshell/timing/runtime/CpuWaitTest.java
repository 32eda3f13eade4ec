package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CpuWaitTest {
    @Test
    void theRunQueueWaitIsTheSecondField() {
        assertThat(CpuWait.parse("83751 4096 1\n")).isEqualTo(4096);
        assertThat(CpuWait.parse("1234567890123 98765432109 4521")).isEqualTo(98_765_432_109L);
    }

    /**
     * A thread that sleeps is not waiting for a CPU: its wait grows by far less than its sleep. (On Linux only; the
     * CI machines are Linux, where the counter must be there.)
     */
    @Test
    void sleepingIsNotWaiting() throws Exception {
        if (!System.getProperty("os.name").startsWith("Linux")) return;
        assertThat(Path.of("/proc/thread-self/schedstat")).isReadable();
        CpuWait wait = new CpuWait();
        long before = wait.nanos();
        Thread.sleep(200);
        long waited = wait.nanos() - before;
        assertThat(before).isNotNegative();
        assertThat(waited).isBetween(0L, 100_000_000L);
    }
}
