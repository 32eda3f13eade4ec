package dev.perfshell.repl.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What fuzzing {@code perfshell compare} found ({@link FuzzCompareTest}), each kept as a case. */
class FuzzFindingsCompareTest {
    @TempDir
    Path dir;

    private static final String GOOD =
            TestDocuments.results(TestDocuments.record("a", "timeit", "f()", "[1.0, 1.1]", "1.05"));

    private String errorFor(byte[] bad) throws Exception {
        Path good = Files.writeString(dir.resolve("good.json"), GOOD);
        Path file = Files.write(dir.resolve("bad.json"), bad);
        CompareRun run = CompareRun.of(good, file);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        return run.err().strip().replace(dir + "/", "");
    }

    private String errorFor(String bad) throws Exception {
        return errorFor(bad.getBytes(StandardCharsets.UTF_8));
    }

    /** 1e400 read as Infinity and compared: "9223372036854775807d 9223372036854775807h…" and "+∞%", exit 0. */
    @Test
    void numbersBeyondADoubleAreRefused() throws Exception {
        assertThat(errorFor(GOOD.replace("\"center\": 1.05", "\"center\": 1e400")))
                .startsWith(
                        "perfshell compare: bad.json: results[0].metric.center is a number beyond a double's range. Next: ");
        assertThat(errorFor(GOOD.replace("[1.0, 1.1]", "[1.0, -1e999]")))
                .startsWith(
                        "perfshell compare: bad.json: results[0].metric.samples[1] is a number beyond a double's range. Next: ");
    }

    /** "forks": 18446744073709551619 (2^64 + 3) was read as 3 engines. */
    @Test
    void forksBeyondAnIntAreRefused() throws Exception {
        assertThat(errorFor(GOOD.replace(
                        "\"schema\": \"perfshell-results/1\",",
                        "\"schema\": \"perfshell-results/1\", \"forks\": 18446744073709551619,")))
                .startsWith(
                        "perfshell compare: bad.json: forks must be a whole number ≥ 1, found a number (18446744073709551619). Next: ");
    }

    /** Two "center"s in one metric: the last won in silence. */
    @Test
    void duplicateKeysAreRefused() throws Exception {
        assertThat(errorFor(GOOD.replace("\"center\": 1.05", "\"center\": 1.05, \"center\": 9.0")))
                .startsWith("perfshell compare: bad.json: malformed JSON at line ")
                .contains("Duplicate field 'center'")
                .contains(". Next: ");
    }

    /** A Latin-1 file said "cannot read it (Input length = 1)". */
    @Test
    void aFileThatIsNotUtf8SaysSo() throws Exception {
        assertThat(errorFor(GOOD.replace("f()", "caf\u00e9()").getBytes(StandardCharsets.ISO_8859_1)))
                .startsWith(
                        "perfshell compare: bad.json: not UTF-8 text (JSON files are UTF-8; Java said only \"Input length = ")
                .endsWith(
                        "Next: write the file again with perfshell run --json or %results save (schema perfshell-results/1)");
    }

    /** Bad input named the problem but gave no next step (the README's contract for every error line). */
    @Test
    void everyBadInputHasANextStep() throws Exception {
        assertThat(errorFor("{\"schema\": \"perfshell-results/1\", \"results\": {}}"))
                .isEqualTo(
                        "perfshell compare: bad.json: results must be an array, found an object. "
                                + "Next: write the file again with perfshell run --json or %results save (schema perfshell-results/1)");
        Path good = Files.writeString(dir.resolve("good.json"), GOOD);
        CompareRun folder = CompareRun.of(good, Files.createDirectory(dir.resolve("runs")));
        assertThat(folder.err().strip().replace(dir + "/", ""))
                .isEqualTo(
                        "perfshell compare: runs: is a folder, not a results file. Next: name the results file in it");
    }
}
