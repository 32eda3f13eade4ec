package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.e2e.Perfshell.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a first hour trips on, through the real launcher: long values echo in one short line, and bad
 * input to a magic gets one line naming the culprit and a next step. The error lines are a golden file,
 * golden/first-hour-errors.txt; run with -Dgolden.update=true (from src/test) to rewrite it, then read the diff.
 */
class FirstHourE2ETest {
    private static final String SCRIPT = String.join(
            "\n",
            "int[] a = new int[1000];",
            "List<Integer> l = java.util.stream.IntStream.range(0, 1_000_000).boxed().toList();",
            "%timeit --bogus 1 + 1",
            "%timeit -r 0 1 + 1",
            "%compare -n -5 1 ;; 2",
            "%memit --timeout 0 new int[10]",
            "%lprun 1 + 1",
            "%flame --interval 0 1 + 1",
            "%jmh -f -1 1 + 1",
            "%who extra",
            "%history -x",
            "%%timeitt",
            "");

    @TempDir
    Path home;

    @Test
    void longValuesEchoShortAndBadInputGetsOneLineEach(@TempDir Path dir) throws Exception {
        Result r = Perfshell.runScript(home, dir, "first-hour.jsh", SCRIPT, "--keep-going");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        List<String> lines = r.stdout().lines().toList();
        assertThat(lines)
                .as(r.toString())
                .filteredOn(l -> l.startsWith("a ==> ") || l.startsWith("l ==> "))
                .hasSize(2)
                .allMatch(l -> l.length() <= 106);
        assertThat(lines)
                .as(r.toString())
                .contains(
                        "a ==> int[1000] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ... 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }");
        List<String> errors = lines.stream()
                .filter(l -> !l.startsWith("a ==> ") && !l.startsWith("l ==> "))
                .toList();
        // Each bad input: exactly one line, then the script's own "this input failed" line.
        for (int i = 0; i < errors.size(); i += 2) {
            assertThat(errors.get(i + 1))
                    .as(r.toString())
                    .matches(".*first-hour\\.jsh:\\d+: this input failed; going on \\(--keep-going\\)");
        }
        List<String> messages = java.util.stream.IntStream.range(0, errors.size())
                .filter(i -> i % 2 == 0)
                .mapToObj(errors::get)
                .toList();
        assertThat(messages).as(r.toString()).hasSize(10);
        Path golden = Perfshell.repoRoot().resolve("src/test/resources/golden/first-hour-errors.txt");
        String actual = String.join("\n", messages) + "\n";
        if (Boolean.getBoolean("golden.update")) Files.writeString(golden, actual, StandardCharsets.UTF_8);
        assertThat(actual)
                .as("golden/first-hour-errors.txt (rewrite with -Dgolden.update=true)")
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
}
