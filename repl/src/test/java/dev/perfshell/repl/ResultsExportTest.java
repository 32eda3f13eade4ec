package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perfshell run FILE.jsh --json OUT} and {@code %results} end to end, with a real engine JVM. */
class ResultsExportTest {

    @Test
    void runWritesTheDocumentedJson(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.json");
        ScriptRun run = ScriptRun.file(
                dir,
                String.join(
                        "\n",
                        "double x = 2.0;", // 1
                        "%timeit -r 5 Math.sqrt(x)", // 2
                        "", // 3
                        "%time Math.sqrt(x)", // 4
                        "%results list", // 5
                        ""),
                List.of(),
                "--json",
                out.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        assertThat(run.lines()).anyMatch(l -> l.matches("1  %timeit Math\\.sqrt\\(x\\) +[0-9.]+ (ns|µs)/op"));
        assertThat(run.lines()).anyMatch(l -> l.matches("2  %time   Math\\.sqrt\\(x\\) +[0-9.]+ (ns|µs|ms)"));

        JsonNode root = new ObjectMapper().readTree(out.toFile());
        assertThat(root.get("schema").asText()).isEqualTo("perfshell-results/1");
        assertThat(root.get("tool").get("name").asText()).isEqualTo("perfshell");
        assertThat(root.get("tool").get("version").isTextual()).isTrue();
        JsonNode env = root.get("environment");
        assertThat(env.get("javaVersion").asText()).isNotBlank();
        assertThat(env.get("vmName").asText()).isNotBlank();
        assertThat(env.get("vmVersion").asText()).isNotBlank();
        assertThat(env.get("engineJvmArguments").isArray()).isTrue();
        assertThat(env.get("engineJvmArguments")).anyMatch(a -> a.asText().startsWith("-javaagent:"));
        assertThat(env.get("gc").isArray()).isTrue();
        assertThat(env.get("gc")).isNotEmpty();
        assertThat(env.get("maxHeapBytes").isIntegralNumber()).isTrue();
        assertThat(env.get("maxHeapBytes").asLong()).isGreaterThan(1 << 20);
        assertThat(env.get("os").asText()).isNotBlank();
        assertThat(env.get("cpuModel").isTextual() || env.get("cpuModel").isNull())
                .isTrue();
        assertThat(env.get("cpus").asInt()).isPositive();

        JsonNode results = root.get("results");
        assertThat(results).hasSize(2);
        JsonNode timeit = results.get(0);
        assertThat(timeit.get("magic").asText()).isEqualTo("timeit");
        assertThat(timeit.get("label").isNull()).isTrue();
        assertThat(timeit.get("source").asText()).isEqualTo("Math.sqrt(x)");
        assertThat(timeit.get("params").get("runs").asInt()).isEqualTo(5);
        assertThat(timeit.get("script").asText()).isEqualTo("script.jsh");
        assertThat(timeit.get("line").asInt()).isEqualTo(2);
        assertThat(timeit.get("warnings").isArray()).isTrue();
        JsonNode metric = timeit.get("metric");
        assertThat(metric.get("name").asText()).isEqualTo("time");
        assertThat(metric.get("unit").asText()).isEqualTo("ns/op");
        assertThat(metric.get("direction").asText()).isEqualTo("lower");
        assertThat(metric.get("samples")).hasSize(5).allMatch(JsonNode::isNumber);
        assertThat(metric.get("center").isNumber()).isTrue();
        assertThat(metric.get("ciLow").isNumber()).isTrue();
        assertThat(metric.get("ciHigh").isNumber()).isTrue();
        assertThat(metric.get("ciLow").asDouble())
                .isLessThanOrEqualTo(metric.get("ciHigh").asDouble());
        assertThat(timeit.get("loops").isIntegralNumber()).isTrue();
        assertThat(timeit.get("runs").asInt()).isEqualTo(5);
        JsonNode perOp = timeit.get("perOpNanos");
        assertThat(perOp.fieldNames())
                .toIterable()
                .containsExactly("mean", "median", "stdev", "mad", "min", "max", "ciLow", "ciHigh", "ciLevel");
        perOp.forEach(value -> assertThat(value.isNumber()).isTrue());
        assertThat(perOp.get("median").asDouble())
                .isEqualTo(metric.get("center").asDouble());
        assertThat(perOp.get("ciLevel").asDouble()).isEqualTo(0.999);
        // ns, never scaled: a square root is a few ns per operation, nowhere near 1 ms.
        assertThat(perOp.get("median").asDouble()).isBetween(0.01, 1_000.0);
        assertThat(timeit.get("runsPerOpNanos")).hasSize(5);
        assertThat(timeit.get("runsPerOpNanos")).isEqualTo(metric.get("samples"));
        assertThat(timeit.get("allocatedBytesPerOp").isNumber()
                        || timeit.get("allocatedBytesPerOp").isNull())
                .isTrue();

        JsonNode time = results.get(1);
        assertThat(time.get("magic").asText()).isEqualTo("time");
        assertThat(time.get("line").asInt()).isEqualTo(4);
        assertThat(time.get("metric").get("name").asText()).isEqualTo("wall");
        assertThat(time.get("metric").get("unit").asText()).isEqualTo("ns");
        assertThat(time.get("metric").get("samples")).hasSize(1);
        assertThat(time.get("metric").get("center").asDouble())
                .isEqualTo(time.get("wallNanos").asDouble())
                .isPositive();
        assertThat(time.get("metric").get("ciLow").isNull()).isTrue();
        assertThat(time.get("metric").get("ciHigh").isNull()).isTrue();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("script.jsh", "out.json");
        }
    }

    @Test
    void failingScriptStillWritesAndResultsMagicWorks(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.json");
        Path saved = dir.resolve("saved.json");
        ScriptRun run = ScriptRun.file(
                dir,
                String.join(
                        "\n",
                        "%time Math.abs(-1)", // 1
                        "undefinedName + 1", // 2 fails
                        "%results save " + saved, // 3
                        "%results save " + saved, // 4 fails: exists
                        "%results show 1", // 5
                        "%results show 9", // 6 fails
                        "%results clear", // 7
                        "%results", // 8
                        "%time Math.abs(-2)", // 9
                        ""),
                List.of(),
                "--keep-going",
                "--json",
                out.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out)
                .contains(
                        "Saved 1 result to " + saved + " (perfshell-results/1).",
                        "%results save: " + saved + " exists. Next: %results save -f " + saved + " to overwrite it.",
                        "Result 1: %time",
                        "  from      script.jsh:1",
                        "%results: no result 9 (there is 1). Next: %results list.",
                        "Cleared 1 result.",
                        "No results yet");
        JsonNode first = new ObjectMapper().readTree(saved.toFile());
        assertThat(first.get("results")).hasSize(1);
        assertThat(first.get("results").get(0).get("source").asText()).isEqualTo("Math.abs(-1)");
        JsonNode end = new ObjectMapper().readTree(out.toFile());
        assertThat(end.get("results")).hasSize(1);
        assertThat(end.get("results").get(0).get("source").asText()).isEqualTo("Math.abs(-2)");
        assertThat(end.get("results").get(0).get("line").asInt()).isEqualTo(9);
    }

    @Test
    void missingJsonFolderIsAUsageErrorBeforeRunning(@TempDir Path dir) throws Exception {
        ScriptRun run = ScriptRun.file(
                dir,
                "System.out.println(\"ran\");\n",
                List.of(),
                "--json",
                dir.resolve("no/such/out.json").toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.out).doesNotContain("ran");
        assertThat(run.err).contains("--json").contains("Next:");
    }
}
