package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which measured runs ran the snippet's final code: those that began after its last compilation. */
class JitActivityTest {
    private static Instant at(long millis) {
        return Instant.ofEpochMilli(1_000_000 + millis);
    }

    @Test
    void runsFromTheFirstThatBeganAfterTheLastEventAreKept() {
        List<Instant> starts = List.of(at(0), at(45), at(90), at(135), at(180));
        // Compiles ending at 50 and 100 ms (out of order in the file): run 3 (135 ms) is the first after both.
        assertThat(JitActivity.firstRunAfter(starts, List.of(at(100), at(50)))).isEqualTo(3);
        assertThat(JitActivity.firstRunAfter(starts, List.of())).isZero();
        // An event during the last run: no run ran the final code throughout.
        assertThat(JitActivity.firstRunAfter(starts, List.of(at(200)))).isEqualTo(5);
        // An event exactly at a run's start counts against that run (isAfter is strict).
        assertThat(JitActivity.firstRunAfter(starts, List.of(at(45)))).isEqualTo(2);
    }
}
