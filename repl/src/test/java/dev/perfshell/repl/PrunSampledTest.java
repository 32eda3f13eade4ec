package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %prun}'s and {@code %lprun}'s default, sampled times, end to end in one real engine: counts from probes stay
 * exact, times come from samples and keep the ratio of two methods' (or lines') costs; a rarely sampled row is
 * marked; bad options get one line.
 * The ratio's band is wide on purpose (2-core shared CI machines): scripts/bench/prun-accuracy holds the tight figures.
 */
class PrunSampledTest {
    private static final String SCRIPT = String.join(
            "\n",
            "long light(int n) { long s = 0; for (int i = 0; i < n; i++) s += i ^ (s >>> 3); return s; }", // 1
            "long heavy(int n) { long s = 0; for (int i = 0; i < 3 * n; i++) s += i ^ (s >>> 3); return s; }", // 2
            "int tiny(int x) { return x + 1; }", // 3
            "long both() { long s = tiny(1); for (int k = 0; k < 1000; k++) s += light(10_000) + heavy(10_000); return s; }", // 4
            "%prun --label both -n 3 both()", // 5
            "int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }", // 6
            "%prun --label fib -n 2 fib(20)", // 7
            "%prun -n 0 fib(3)", // 8 fails
            "%prun --interval fast fib(3)", // 9 fails
            "%prun --counts -n 2 fib(3)", // 10 fails
            "%prun --time-boundary fib(3)", // 11 fails
            "long work(int n) {", // 12
            "    long s = 0;", // 13
            "    for (int i = 0; i < n; i++) s += i ^ (s >>> 3);", // 14
            "    for (int i = 0; i < 3 * n; i++) s += i ^ (s >>> 5);", // 15
            "    return s;", // 16
            "}", // 17
            "%lprun --label lines -n 20 -f work work(2_000_000)", // 18 (about 280 samples: the light line's ~70 keep
            // the ratio within 12%)
            "String end = \"end\";"); // 19

    private static ScriptRun run;
    private static JsonNode results;

    @BeforeAll
    static void runScript(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.json");
        run = ScriptRun.file(dir, SCRIPT, List.of(), "--keep-going", "--json", out.toString());
        results = new ObjectMapper().readTree(Files.readString(out)).get("results");
    }

    private static JsonNode result(String label) {
        for (JsonNode r : results) if (r.get("label").asText().equals(label)) return r;
        throw new AssertionError("no result " + label + "\n" + run);
    }

    private static JsonNode row(String label, String method) {
        for (JsonNode m : result(label).get("methods"))
            if (m.get("method").asText().startsWith(method + "(")) return m;
        throw new AssertionError("no row " + method + " in " + label + "\n" + run);
    }

    @Test
    void countsStayExactAndTimesComeFromSamples() {
        JsonNode fib = result("fib");
        assertThat(fib.get("mode").asText()).isEqualTo("sampled");
        assertThat(fib.get("repeats").asInt()).isEqualTo(2);
        assertThat(row("fib", "fib").get("calls").asLong()).as(run.toString()).isEqualTo(21_891); // one counted run
        assertThat(row("both", "light").get("calls").asLong()).isEqualTo(1000);
        assertThat(row("both", "heavy").get("calls").asLong()).isEqualTo(1000);
        assertThat(run.out)
                .contains("Times in ms, from samples; calls counted exactly")
                .contains("per run (3 runs with -n)")
                .containsPattern("Times rest on [0-9,]+ samples \\(");
    }

    @Test
    void theHeavyMethodTakesAboutThreeTimesTheLightOnesTime() {
        JsonNode heavy = row("both", "heavy");
        JsonNode light = row("both", "light");
        assertThat(heavy.get("selfSamples").asLong()).as(run.toString()).isGreaterThanOrEqualTo(20);
        assertThat(light.get("selfSamples").asLong()).as(run.toString()).isGreaterThanOrEqualTo(10);
        double ratio =
                heavy.get("selfNanos").asDouble() / light.get("selfNanos").asDouble();
        assertThat(ratio).as(run.toString()).isBetween(1.8, 5.0);
        // a caller's cumulative time holds its callees'; the total holds every row's
        assertThat(row("both", "both").get("cumulativeNanos").asLong())
                .isGreaterThanOrEqualTo(heavy.get("cumulativeNanos").asLong()
                        + light.get("cumulativeNanos").asLong());
        for (JsonNode m : result("both").get("methods")) {
            assertThat(m.get("selfNanos").asLong())
                    .isLessThanOrEqualTo(m.get("cumulativeNanos").asLong());
            assertThat(m.get("cumulativeNanos").asLong())
                    .isLessThanOrEqualTo(result("both").get("totalNanos").asLong());
        }
    }

    @Test
    void aRarelySampledRowIsMarkedAndNotGivenAPreciseTime() {
        assertThat(row("both", "tiny").get("selfSamples").asLong())
                .as(run.toString())
                .isLessThan(20);
        assertThat(run.lines())
                .as(run.toString())
                .anyMatch(line -> line.matches("\\s+1\\s+[<≈]\\S+\\s+[<≈]\\S+.*\\(tiny\\)"));
    }

    @Test
    void lprunPutsTheHeavyLineOnTopWithItsExactHits() {
        JsonNode method = result("lines").get("methods").get(0);
        long light = 0;
        long heavy = 0;
        for (JsonNode line : method.get("lines")) {
            if (line.get("source").asText().contains("i < n;"))
                light = line.get("nanos").asLong();
            if (line.get("source").asText().contains("i < 3 * n;"))
                heavy = line.get("nanos").asLong();
            if (line.get("source").asText().contains("long s = 0"))
                assertThat(line.get("hits").asLong()).isEqualTo(1);
        }
        assertThat(light).as(run.toString()).isPositive();
        assertThat((double) heavy / light).as(run.toString()).isBetween(1.8, 5.0);
        assertThat(run.out).contains("Times rest on").doesNotContain("Note: the instrumented code is not unrolled");
    }

    @Test
    void badOptionsGetOneLineEachAndTheScriptGoesOn() {
        assertThat(run.failedLines()).as(run.toString()).containsExactly(8, 9, 10, 11);
        assertThat(run.out + run.err)
                .contains("%prun: -n must be at least 1, got 0")
                .contains("%prun: --interval takes a time such as 500us, 1ms or 100000 (ns), got 'fast'")
                .contains("%prun: -n repeats the statement for sampled times; --counts and --timed take one run")
                .contains("%prun: --time-boundary times boundary calls with clock probes and goes with --timed");
        assertThat(run.value("end")).isEqualTo("\"end\"");
    }
}
