package dev.perfshell.repl.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JmhOptionsTest {
    private static JmhOptions options(int threads, List<String> profilers) {
        return new JmhOptions(
                1, 3, "1s", 5, "500ms", "avgt", "ns", threads, Map.of("n", List.of("1", "2")), profilers, List.of());
    }

    @Test
    void theRecordKeepsWhatShapedTheNumberInAFixedOrder() {
        assertThat(options(1, List.of()).recorded(""))
                .containsExactly(
                        Map.entry("forks", 1),
                        Map.entry("warmupIterations", 3),
                        Map.entry("warmupTime", "1s"),
                        Map.entry("iterations", 5),
                        Map.entry("measurementTime", "500ms"),
                        Map.entry("mode", "avgt"));
    }

    @Test
    void setupThreadsAndProfilersAreKeptWhenGiven() {
        Map<String, Object> recorded = options(4, List.of("gc", "stack")).recorded("int[] a = new int[n];");
        assertThat(recorded.keySet()).first().isEqualTo("setup");
        assertThat(recorded)
                .containsEntry("setup", "int[] a = new int[n];")
                .containsEntry("threads", 4)
                .containsEntry("profilers", "gc stack");
    }
}
