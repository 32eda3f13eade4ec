package dev.perfshell.repl.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.Golden;
import dev.perfshell.timing.runtime.OnceTiming;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeRendererTest {

    @Test
    void fullRecordGolden() {
        Golden.assertMatches(
                "time-renderer.txt",
                TimeRenderer.render(new OnceTiming(6_900_000, 6_890_000, 0, 12_400_000, 2, 14, 316_000_000)));
    }

    @Test
    void variantsGolden() {
        List<String> lines = new ArrayList<>();
        OnceTiming[] cases = {
            new OnceTiming(0, 0, 0, 0, 0, 0, 0),
            new OnceTiming(85_000, 60_000, 30_000, 7_220_000, 1, 3, 100_000_000), // compile exactly 0.1 s: no line
            new OnceTiming(65_000_000_000L, 50_000_000_000L, 12_000_000_000L, 130_000_000_000L, 40, 1_234, 100_000_001),
        };
        for (OnceTiming t : cases) {
            lines.add("# " + t);
            lines.addAll(TimeRenderer.render(t));
        }
        Golden.assertMatches("time-renderer-variants.txt", lines);
    }

    @Test
    void ipythonLinesComeFirst() {
        List<String> lines = TimeRenderer.render(new OnceTiming(2_000, 1_000, 500, 3_000, 0, 0, 0));
        assertThat(lines.get(0)).isEqualTo("CPU times: user 1 µs, sys: 500 ns, total: 1.5 µs");
        assertThat(lines.get(1)).isEqualTo("Wall time: 2 µs");
    }

    @Test
    void constructorRebuildsTheRecord() {
        assertThat(TimeRenderer.constructor(new OnceTiming(1, 2, 3, 4, 5, 6, 7)))
                .isEqualTo("new dev.perfshell.timing.runtime.OnceTiming(1L, 2L, 3L, 4L, 5L, 6L, 7L)");
    }
}
