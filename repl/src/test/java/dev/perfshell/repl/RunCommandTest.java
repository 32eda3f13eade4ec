package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code perfshell run} with exports, {@code --quiet}, {@code --forks} and a script header, on real engines. */
class RunCommandTest {
    private static final String SCRIPT = String.join(
            "\n",
            "//ENGINE -Xmx256m -Dperfshell.test.marker=yes",
            "System.out.println(\"marker=\" + System.getProperty(\"perfshell.test.marker\") + \" max=\" + (Runtime.getRuntime().maxMemory() >> 20));",
            "int[] data = Perf.ints(100, 1);",
            "%timeit -n 200 -r 5 --label sum java.util.Arrays.stream(data).sum()",
            "%time Thread.sleep(5)",
            "");

    @Test
    void forksKeepEachEnginesSamplesAndEveryExportIsWritten(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("out.json");
        Path csv = dir.resolve("out.csv");
        Path md = dir.resolve("out.md");
        ScriptRun run = ScriptRun.file(
                dir,
                SCRIPT,
                List.of(),
                "--forks",
                "2",
                "--quiet",
                "--json",
                json.toString(),
                "--csv",
                csv.toString(),
                "--markdown",
                md.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        // --quiet: the script's own output (once per engine), warnings (a busy machine; they name their input and
        // engine), then one line per result; no values, reports or engine headers.
        List<String> lines = run.lines();
        assertThat(lines)
                .as(run.toString())
                .noneMatch(l -> l.contains("==>")
                        || l.contains("Wall time")
                        || l.contains("per loop")
                        || l.contains("── engine"));
        // The //ENGINE header reached both engines.
        assertThat(lines)
                .filteredOn(l -> l.startsWith("marker="))
                .as(run.toString())
                .hasSize(2)
                .allMatch(l -> l.matches("marker=yes max=2\\d\\d"));
        assertThat(lines.get(lines.size() - 2))
                .matches(" 1  %timeit  sum +\\S+ \\S+/op  \\[.+ … .+\\]  \\(script\\.jsh:4\\)");
        assertThat(lines.get(lines.size() - 1))
                .matches(" 2  %time    Thread\\.sleep\\(5\\) +\\S+ ms  \\[.+\\]  \\(script\\.jsh:5\\)");

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.get("forks").asInt()).isEqualTo(2);
        JsonNode sum = root.get("results").get(0).get("metric");
        assertThat(sum.get("forks")).hasSize(2);
        assertThat(sum.get("forks").get(0).get("samples")).hasSize(5);
        assertThat(sum.get("forks").get(1).get("samples")).hasSize(5);
        assertThat(sum.get("samples")).hasSize(10);
        double a = sum.get("forks").get(0).get("center").asDouble();
        double b = sum.get("forks").get(1).get("center").asDouble();
        assertThat(sum.get("center").asDouble())
                .isCloseTo(Math.sqrt(a * b), org.assertj.core.data.Offset.offset(1e-9 * (a + b)));
        assertThat(root.get("environment").get("engineJvmArguments").toString()).contains("-Xmx256m");

        List<String> csvLines = Files.readAllLines(csv);
        assertThat(csvLines).hasSize(3);
        assertThat(csvLines.get(1))
                .startsWith("1,sum,timeit,java.util.Arrays.stream(data).sum(),script.jsh,4,time,ns/op,lower,")
                .matches(".*,10,2,[0-9.]+");
        assertThat(Files.readString(md))
                .contains("| 1 | sum (`java.util.Arrays.stream(data).sum()`) | %timeit |")
                .contains("| 10 (2 engines) |");
    }

    @Test
    void badForksAndExportFoldersAreUsageErrors(@TempDir Path dir) throws Exception {
        ScriptRun zero = ScriptRun.file(dir, "int a = 1;\n", List.of(), "--forks", "0");
        assertThat(zero.exitCode).isEqualTo(2);
        assertThat(zero.err.strip())
                .isEqualTo("perfshell run: --forks 0: expected 1 to 100 engines. Example: --forks 3");
        ScriptRun folder = ScriptRun.file(
                dir,
                "int a = 1;\n",
                List.of(),
                "--csv",
                dir.resolve("no/such/out.csv").toString());
        assertThat(folder.exitCode).isEqualTo(2);
        assertThat(folder.err.strip())
                .isEqualTo("perfshell run: --csv " + dir.resolve("no/such/out.csv") + ": no folder "
                        + dir.resolve("no/such") + ". Next: create it, or choose another path.");
        assertThat(folder.out).isEmpty();
    }

    @Test
    void aBadHeaderLineIsAUsageErrorBeforeAnyEngineStarts(@TempDir Path dir) throws Exception {
        ScriptRun run = ScriptRun.file(dir, "//CLASSPATH lib/missing.jar\nint a = 1;\n", List.of());
        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.err.strip())
                .isEqualTo("perfshell run: " + dir.resolve("script.jsh") + ":1: //CLASSPATH entry not found: "
                        + "lib/missing.jar (looked for " + dir.resolve("lib/missing.jar") + "). Next: fix the line.");
        assertThat(run.out).isEmpty();
    }
}
