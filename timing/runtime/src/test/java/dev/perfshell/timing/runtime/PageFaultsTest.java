package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PageFaultsTest {
    @Test
    void minorFaultsAreTheTenthFieldEvenWhenTheCommandNameHasSpacesAndParentheses() {
        assertThat(PageFaults.parseMinor(
                        "27107 (perfshell (x) y) S 1 27107 27107 0 -1 4194560 8123 0 12 0 30 4 0 0 20 0 1 0"))
                .isEqualTo(8123);
    }

    @Test
    void touchingFreshMemoryCountsFaultsOnThisThread() {
        PageFaults faults = new PageFaults();
        if (!Files.isReadable(Path.of("/proc/thread-self/stat"))) {
            assertThat(faults.minor()).isEqualTo(-1);
            return;
        }
        long before = faults.minor();
        // 64 MiB allocated outside the heap and written once: at least one fault per 4 KiB page touched.
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocateDirect(64 << 20);
        for (int i = 0; i < buffer.capacity(); i += 4096) buffer.put(i, (byte) 1);
        long after = faults.minor();
        assertThat(after - before).isGreaterThanOrEqualTo((64 << 20) / 4096 / 2);
    }
}
