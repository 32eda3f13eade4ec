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
 * {@code %lprun} and {@code %mprun} end to end: exact hits (line-table entries executed), bytes per line from
 * the allocation counter, and the methods chosen by name, signature and class.
 */
class LprunScriptTest {
    private static final String SCRIPT = String.join(
            "\n",
            "long loop(int n) {", // 1
            "    long total = 0;", // 2
            "    for (int i = 0; i < n; i++)", // 3
            "        total += (long) i * i;", // 4
            "    return total;", // 5
            "}", // 6
            "%lprun -q --timed -r loops -f loop loop(1000)", // 7 the probes' clock: too short to sample
            "long header = loops.hits(\"loop(int)\", 3);", // 8
            "long body = loops.hits(\"loop(int)\", 4);", // 9
            "long ret = loops.hits(\"loop(int)\", 5);", // 10
            "int early(int x) {", // 11
            "    if (x > 0) return 1;", // 12
            "    if (x == 0) throw new IllegalStateException(\"zero\");", // 13
            "    return -1;", // 14
            "}", // 15
            "int calls() { int s = 0; for (int i = -2; i <= 3; i++) { try { s += early(i); } catch (IllegalStateException e) { s += 10; } } return s; }", // 16
            "%lprun -q -r early -f early calls()", // 17
            "long firstIf = early.hits(\"early(int)\", 2);", // 18
            "long secondIf = early.hits(\"early(int)\", 3);", // 19
            "long lastReturn = early.hits(\"early(int)\", 4);", // 20
            "int over(int x) { return x; }", // 21
            "int over(String s) { return s.length(); }", // 22
            "%lprun -q -r picked -f over(String) over(\"abc\") + over(1)", // 23
            "java.util.List<String> pickedMethods = picked.methods();", // 24
            "int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }", // 25
            "%lprun -q -r rec -f fib fib(10)", // 26
            "long fibHits = rec.hits(\"fib(int)\", 1);", // 27
            "class Box {", // 28
            "    int twice(int x) { return 2 * x; }", // 29
            "    int thrice(int x) { return 3 * x; }", // 30
            "}", // 31
            "%lprun -q -r box -c Box new Box().twice(1) + new Box().thrice(1)", // 32
            "java.util.List<String> boxMethods = box.methods();", // 33
            "long twiceHits = box.hits(\"Box.twice(int)\", 2);", // 34
            "Object sink;", // 35
            "void fill(int n) {", // 36
            "    for (int i = 0; i < n; i++) {", // 37
            "        sink = new byte[1024];", // 38
            "    }", // 39
            "}", // 40
            "%mprun -r filled -f fill fill(5)", // 41
            "long filledBytes = filled.value(\"fill(int)\", 3);", // 42
            "long filledHits = filled.hits(\"fill(int)\", 3);", // 43
            "%lprun -f nosuch loop(1)", // 44 fails
            "%lprun loop(1)", // 45 fails: no -f
            "%lprun -u parsecs -f loop loop(1)", // 46 fails
            "String end = \"end\";", // 47
            "");

    private static ScriptRun run;
    private static List<String> lines;
    private static JsonNode json;

    @BeforeAll
    static void runScript(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.json");
        run = ScriptRun.file(dir, SCRIPT, List.of(), "--keep-going", "--json", out.toString());
        lines = run.lines();
        json = new ObjectMapper().readTree(Files.readString(out));
    }

    private static String value(String name) {
        return run.value(name);
    }

    @Test
    void onlyTheBadLinesFail() {
        assertThat(run.failedLines()).as(run.toString()).containsExactly(44, 45, 46);
        assertThat(value("end")).isEqualTo("\"end\"");
    }

    @Test
    void loopHitsAreExact() {
        // a for header is a line-table entry on every test: n + 1 for the loop
        assertThat(value("header")).as(run.toString()).isEqualTo("1001");
        assertThat(value("body")).isEqualTo("1000");
        assertThat(value("ret")).isEqualTo("1");
    }

    @Test
    void earlyReturnsAndExceptionsKeepTheLinesRight() {
        // early(-2..3): line 2 six times, line 3 for x <= 0 (three times), line 4 for x < 0 (twice)
        assertThat(value("firstIf")).as(run.toString()).isEqualTo("6");
        assertThat(value("secondIf")).isEqualTo("3");
        assertThat(value("lastReturn")).isEqualTo("2");
    }

    @Test
    void anOverloadIsPickedBySignature() {
        assertThat(value("pickedMethods")).as(run.toString()).isEqualTo("[over(String)]");
    }

    @Test
    void recursionCountsEveryActivation() {
        assertThat(value("fibHits")).as(run.toString()).isEqualTo("177");
    }

    @Test
    void wholeClass() {
        assertThat(value("boxMethods")).as(run.toString()).contains("Box.twice(int)", "Box.thrice(int)");
        assertThat(value("twiceHits")).isEqualTo("1");
    }

    @Test
    void mprunCountsTheBytesOfEachLine() {
        // lines are numbered within their snippet: fill's allocating line is its line 3
        // 1,024 bytes + a 16-byte header, five times
        assertThat(value("filledBytes")).as(run.toString()).isEqualTo("5200");
        assertThat(value("filledHits")).isEqualTo("5");
        assertThat(lines).anyMatch(line -> line.matches("\\s+3\\s+5,200 B\\s+5\\s+sink = new byte\\[1024\\];"));
    }

    @Test
    void printedTableHasLineProfilersShape() {
        assertThat(run.out).doesNotContain("Timer unit: 1e-09 s\nNote: "); // -q printed nothing for %lprun
        assertThat(lines).contains("Line #    Allocated  Occurrences   Line Contents");
    }

    @Test
    void errorsNameTheCulprit() {
        assertThat(run.out + run.err)
                .contains("%lprun: no method nosuch in the session.")
                .contains("%lprun needs the methods to profile: -f METHOD")
                .contains("%lprun: -u parsecs: not a timer unit");
    }

    @Test
    void exportHasTheLines() {
        JsonNode first = null;
        for (JsonNode r : json.get("results")) {
            if (r.get("magic").asText().equals("lprun")) {
                first = r;
                break;
            }
        }
        assertThat(first).isNotNull();
        JsonNode method = first.get("methods").get(0);
        assertThat(method.get("method").asText()).isEqualTo("loop(int)");
        assertThat(method.get("totalNanos").asLong()).isPositive();
        JsonNode header = method.get("lines").get(2);
        assertThat(header.get("line").asInt()).isEqualTo(3);
        assertThat(header.get("hits").asLong()).isEqualTo(1001);
        assertThat(header.get("source").asText()).isEqualTo("    for (int i = 0; i < n; i++)");
    }
}
