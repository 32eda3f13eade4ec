package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OnceTimingTest {

    private static HashMap<String, Long> reply(
            long wall, long cpu, long system, long process, long gcs, long gcMillis) {
        HashMap<String, Long> figures = new HashMap<>();
        figures.put("wallNanos", wall);
        figures.put("threadCpuNanos", cpu);
        figures.put("threadSystemNanos", system);
        figures.put("processCpuNanos", process);
        figures.put("gcCount", gcs);
        figures.put("gcMillis", gcMillis);
        figures.put("invocations", 1L);
        return figures;
    }

    @Test
    void splitsThreadCpuIntoUserAndSystem() {
        OnceTiming t = OnceTiming.fromEngine(OnceMeter.Figures.fromWire(reply(1_000, 900, 200, 5_000, 2, 14)), 4_000);
        assertThat(t).isEqualTo(new OnceTiming(1_000, 700, 200, 5_000, 2, 14, 3_000));
        assertThat(t.cpuNanos()).isEqualTo(900);
    }

    @Test
    void systemTimeNeverExceedsCpuTime() {
        // system time comes in 10 ms ticks and can overshoot the precise thread CPU time
        OnceTiming t = OnceTiming.fromEngine(
                OnceMeter.Figures.fromWire(reply(20_000_000, 2_000_000, 10_000_000, 2_000_000, 0, 0)), 0);
        assertThat(t.systemNanos()).isEqualTo(2_000_000);
        assertThat(t.userNanos()).isZero();
        assertThat(t.cpuNanos()).isEqualTo(2_000_000);
    }

    @Test
    void compileTimeIsFrontEndTimeMinusWallAndNeverNegative() {
        assertThat(OnceTiming.fromEngine(OnceMeter.Figures.fromWire(reply(1_000, 0, 0, 0, 0, 0)), 1_500)
                        .compileNanos())
                .isEqualTo(500);
        assertThat(OnceTiming.fromEngine(OnceMeter.Figures.fromWire(reply(1_000, 0, 0, 0, 0, 0)), 400)
                        .compileNanos())
                .isZero();
    }

    @Test
    void acceptsAnyNumberType() {
        Map<String, Object> figures = new HashMap<>(reply(10, 5, 1, 6, 0, 0));
        figures.put("gcCount", 3); // Integer
        figures.put("gcMillis", (short) 7); // Short
        OnceTiming t = OnceTiming.fromEngine(OnceMeter.Figures.fromWire(figures), 10);
        assertThat(t.gcCount()).isEqualTo(3);
        assertThat(t.gcMillis()).isEqualTo(7);
    }

    @Test
    void missingFigureIsNamed() {
        HashMap<String, Long> figures = reply(1, 1, 0, 1, 0, 0);
        figures.remove("processCpuNanos");
        assertThatThrownBy(() -> OnceMeter.Figures.fromWire(figures))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("engine reply lacks processCpuNanos");
    }

    @Test
    void nonNumberFigureIsRejected() {
        Map<String, Object> figures = new HashMap<>(reply(1, 1, 0, 1, 0, 0));
        figures.put("wallNanos", "12");
        assertThatThrownBy(() -> OnceMeter.Figures.fromWire(figures))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wallNanos");
    }

    @Test
    void emptyMeterGivesAnAllZeroTiming() {
        assertThat(OnceTiming.fromEngine(OnceMeter.Figures.NONE, 0)).isEqualTo(new OnceTiming(0, 0, 0, 0, 0, 0, 0));
    }
}
