package dev.perfshell.repl.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one line on stderr naming the file and the problem, exit 2, nothing on stdout, no stack trace. */
class CompareInputTest {
    @TempDir
    Path dir;

    private static final String GOOD =
            TestDocuments.results(TestDocuments.record("a", "timeit", "f()", "[1.0, 1.1]", "1.05"));

    /** Runs {@code compare GOOD BAD} with {@code bad} written to bad.json and returns the single error line. */
    private String errorFor(String bad) throws IOException {
        Path good = Files.writeString(dir.resolve("good.json"), GOOD);
        Path file = Files.writeString(dir.resolve("bad.json"), bad);
        return singleLineError(CompareRun.of(good, file));
    }

    private String singleLineError(CompareRun run) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .endsWith("\n");
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        // Every bad input ends with a next step; the cases below pin what comes before it.
        String line = run.err().strip().replace(dir.toString() + "/", "");
        assertThat(line).contains(". Next: ");
        return line.substring(0, line.indexOf(". Next: "));
    }

    private static String withMetric(String metric) {
        return TestDocuments.results("""
                {"magic": "timeit", "label": "a", "source": "f()", "params": {}, "metric": %s}""".formatted(metric));
    }

    @Test
    void missingFile() throws IOException {
        Path good = Files.writeString(dir.resolve("good.json"), GOOD);
        assertThat(singleLineError(CompareRun.of(good, dir.resolve("missing.json"))))
                .isEqualTo("perfshell compare: missing.json: no such file");
    }

    @Test
    void aFolderIsNotAFile() throws IOException {
        Path good = Files.writeString(dir.resolve("good.json"), GOOD);
        Files.createDirectory(dir.resolve("results"));
        assertThat(singleLineError(CompareRun.of(dir.resolve("results"), good)))
                .isEqualTo("perfshell compare: results: is a folder, not a results file");
    }

    @Test
    void malformedJsonSaysWhere() throws IOException {
        assertThat(errorFor("{\n  \"schema\": \"perfshell-results/1\",\n  \"results\": [1, }\n"))
                .startsWith(
                        "perfshell compare: bad.json: malformed JSON at line 3, column 18: Unexpected character ('}'");
    }

    @Test
    void truncatedJson() throws IOException {
        assertThat(errorFor(GOOD.substring(0, 80)))
                .isEqualTo("perfshell compare: bad.json: malformed JSON at line 1, column 81: Unexpected end-of-input: "
                        + "was expecting closing quote for a string value");
    }

    @Test
    void emptyFile() throws IOException {
        assertThat(errorFor("")).isEqualTo("perfshell compare: bad.json: empty file, expected a JSON object");
    }

    @Test
    void notAnObject() throws IOException {
        assertThat(errorFor("[1, 2]"))
                .isEqualTo("perfshell compare: bad.json: expected a JSON object at the top, found an array");
    }

    @Test
    void missingSchema() throws IOException {
        assertThat(errorFor(GOOD.replace("\"schema\": \"perfshell-results/1\", ", "")))
                .isEqualTo(
                        "perfshell compare: bad.json: no \"schema\" field; expected \"perfshell-results/1\" (is it a perfshell results file?)");
    }

    @Test
    void unknownSchemaIsNamed() throws IOException {
        assertThat(errorFor(GOOD.replace("perfshell-results/1", "perfshell-results/2")))
                .isEqualTo(
                        "perfshell compare: bad.json: unsupported schema \"perfshell-results/2\"; expected \"perfshell-results/1\"");
        assertThat(errorFor(GOOD.replace("\"perfshell-results/1\"", "1")))
                .isEqualTo("perfshell compare: bad.json: unsupported schema 1; expected \"perfshell-results/1\"");
    }

    @Test
    void noResults() throws IOException {
        assertThat(errorFor(TestDocuments.results()))
                .isEqualTo("perfshell compare: bad.json: no results (the \"results\" array is empty)");
        assertThat(errorFor("{\"schema\": \"perfshell-results/1\"}"))
                .isEqualTo("perfshell compare: bad.json: no \"results\" array");
        assertThat(errorFor("{\"schema\": \"perfshell-results/1\", \"results\": {}}"))
                .isEqualTo("perfshell compare: bad.json: results must be an array, found an object");
    }

    @Test
    void samplesNotAnArrayOfNumbers() throws IOException {
        assertThat(
                        errorFor(
                                withMetric(
                                        "{\"name\": \"time\", \"unit\": \"ns/op\", \"direction\": \"lower\", \"samples\": \"1.0\", \"center\": 1.0}")))
                .isEqualTo(
                        "perfshell compare: bad.json: results[0].metric.samples must be an array of numbers, found a string (\"1.0\")");
        assertThat(
                        errorFor(
                                withMetric(
                                        "{\"name\": \"time\", \"unit\": \"ns/op\", \"direction\": \"lower\", \"samples\": [1.0, \"2\"], \"center\": 1.0}")))
                .isEqualTo(
                        "perfshell compare: bad.json: results[0].metric.samples must be an array of numbers, found a string (\"2\") at [1]");
    }

    @Test
    void centerAString() throws IOException {
        assertThat(
                        errorFor(
                                withMetric(
                                        "{\"name\": \"time\", \"unit\": \"ns/op\", \"direction\": \"lower\", \"samples\": [1.0], \"center\": \"1.0\"}")))
                .isEqualTo(
                        "perfshell compare: bad.json: results[0].metric.center must be a number, found a string (\"1.0\")");
    }

    @Test
    void unknownDirection() throws IOException {
        assertThat(
                        errorFor(
                                withMetric(
                                        "{\"name\": \"time\", \"unit\": \"ns/op\", \"direction\": \"up\", \"samples\": [1.0], \"center\": 1.0}")))
                .isEqualTo(
                        "perfshell compare: bad.json: results[0].metric.direction must be \"lower\" or \"higher\", found \"up\"");
    }

    @Test
    void missingMetric() throws IOException {
        assertThat(errorFor(TestDocuments.results(
                        "{\"magic\": \"timeit\", \"label\": null, \"source\": \"f()\", \"params\": {}}")))
                .isEqualTo("perfshell compare: bad.json: results[0] has no \"metric\" block");
    }

    @Test
    void badForks() throws IOException {
        assertThat(errorFor(GOOD.replace(
                        "\"schema\": \"perfshell-results/1\",", "\"schema\": \"perfshell-results/1\", \"forks\": 0,")))
                .isEqualTo("perfshell compare: bad.json: forks must be a whole number ≥ 1, found a number (0)");
        assertThat(errorFor(withMetric(
                        "{\"name\": \"time\", \"unit\": \"ns/op\", \"direction\": \"lower\", \"samples\": [1.0], \"center\": 1.0, "
                                + "\"forks\": [{\"samples\": [1.0], \"center\": null}]}")))
                .isEqualTo(
                        "perfshell compare: bad.json: results[0].metric.forks[0].center must be a number, found null");
    }

    @Test
    void wrongTypeOfIdentity() throws IOException {
        assertThat(errorFor(TestDocuments.results("{\"magic\": 3, \"source\": \"f()\", \"metric\": {}}")))
                .isEqualTo("perfshell compare: bad.json: results[0].magic must be a string, found a number (3)");
        assertThat(errorFor(TestDocuments.results(
                        "{\"magic\": \"timeit\", \"source\": \"f()\", \"params\": [], \"metric\": {}}")))
                .isEqualTo("perfshell compare: bad.json: results[0].params must be an object, found an array");
    }

    @Test
    void noMatchingResultsAtAll() throws IOException {
        Path base = Files.writeString(dir.resolve("base.json"), GOOD);
        Path other = Files.writeString(
                dir.resolve("other.json"),
                TestDocuments.results(TestDocuments.record("b", "timeit", "g()", "[1.0, 1.1]", "1.05")));
        assertThat(singleLineError(CompareRun.of(base, other)))
                .isEqualTo("perfshell compare: base.json and other.json have no result "
                        + "in common (1 only in base.json, 1 only in other.json)");
    }

    @Test
    void badOptionsAreUsageErrors() throws IOException {
        Path good = Files.writeString(dir.resolve("good.json"), GOOD);
        for (String threshold : new String[] {"-1", "NaN", "five"}) {
            CompareRun run = CompareRun.of(good, good, "--threshold", threshold);
            assertThat(run.exitCode()).as(threshold).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err())
                    .as(threshold)
                    .contains("--threshold")
                    .contains("Next: perfshell compare --help lists the options.")
                    .doesNotContain("Exception");
            assertThat(run.err().strip().lines()).as(threshold).hasSize(1);
        }
        CompareRun failOn = CompareRun.of(good, good, "--fail-on", "sometimes");
        assertThat(failOn.exitCode()).isEqualTo(2);
        assertThat(failOn.err()).contains("expected regression or any-change, found 'sometimes'");
        CompareRun missing = CompareRun.of(good);
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("Missing required parameter: 'NEW.json'");
    }
}
