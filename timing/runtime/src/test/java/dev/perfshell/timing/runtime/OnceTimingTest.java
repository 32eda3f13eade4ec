package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OnceTimingTest {

    private static OnceMeter.Figures figures(long wall, long cpu, long system, long process, long gcs, long gcMillis) {
        return new OnceMeter.Figures(wall, cpu, system, process, gcs, gcMillis, 1);
    }

    @Test
    void splitsThreadCpuIntoUserAndSystem() {
        OnceTiming t = OnceTiming.fromEngine(figures(1_000, 900, 200, 5_000, 2, 14), 4_000);
        assertThat(t).isEqualTo(new OnceTiming(1_000, 700, 200, 5_000, 2, 14, 3_000));
        assertThat(t.cpuNanos()).isEqualTo(900);
    }

    @Test
    void systemTimeNeverExceedsCpuTime() {
        // system time comes in 10 ms ticks and can overshoot the precise thread CPU time
        OnceTiming t = OnceTiming.fromEngine(figures(20_000_000, 2_000_000, 10_000_000, 2_000_000, 0, 0), 0);
        assertThat(t.systemNanos()).isEqualTo(2_000_000);
        assertThat(t.userNanos()).isZero();
        assertThat(t.cpuNanos()).isEqualTo(2_000_000);
    }

    @Test
    void compileTimeIsFrontEndTimeMinusWallAndNeverNegative() {
        assertThat(OnceTiming.fromEngine(figures(1_000, 0, 0, 0, 0, 0), 1_500).compileNanos())
                .isEqualTo(500);
        assertThat(OnceTiming.fromEngine(figures(1_000, 0, 0, 0, 0, 0), 400).compileNanos())
                .isZero();
    }

    @Test
    void emptyMeterGivesAnAllZeroTiming() {
        assertThat(OnceTiming.fromEngine(OnceMeter.Figures.NONE, 0)).isEqualTo(new OnceTiming(0, 0, 0, 0, 0, 0, 0));
    }
}
