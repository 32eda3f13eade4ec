package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %jmh} end to end: one script, real JMH forks. Each benchmark checks the replayed state itself
 * ({@code expect} throws, and JMH's fail-on-error turns that into a failed input), so a state the
 * replay got wrong fails the line; line 17 is the control that proves such a check can fail.
 * Iterations are as short as JMH allows: this tests the replay, not the numbers.
 */
class JmhScriptTest {
    private static final String QUICK = "%jmh -wi 0 -i 1 -r 20ms ";
    private static final String SCRIPT = String.join(
            "\n",
            "import java.util.concurrent.atomic.*;", // 1
            "record Point(int x, int y) {}", // 2
            "class Counter { int n; void add(int k) { n += k; } }", // 3
            "class Replays { static int count; }", // 4
            "int total(Counter c) { return c.n; }", // 5 a session class used by a method
            "void expect(boolean ok, String what) { if (!ok) throw new IllegalStateException(what); }", // 6
            "Map<String, Integer> m = new HashMap<>();", // 7
            "for (int i = 0; i < 100; i++) m.put(\"k\" + i, i);", // 8 a map filled by a loop
            "Counter c = new Counter();", // 9
            "c.add(5);", // 10
            "int limit = 1;", // 11
            "int limit = 42;", // 12 a redefined variable
            "m.size() * 2", // 13 $1
            "Replays.count++;", // 14 $2: counts replays in the fork
            "AtomicLong hits = new AtomicLong();", // 15 from the import
            QUICK + "{ expect(m.size() == 100 && m.get(\"k7\") == 7, \"map\"); expect(limit == 42, \"limit\"); "
                    + "expect($1 == 200, \"temp\"); expect(total(c) == 5, \"class\"); expect(new Point(1, 2).y() == 2, \"record\"); "
                    + "hits.incrementAndGet(); }", // 16 a void block
            QUICK + "expect(limit == 1, \"limit is \" + limit)", // 17 fails: the control
            QUICK + "-p n=3,5 --setup \"int[] data = new int[n];\" { expect(data.length == n, \"n\"); }", // 18
            QUICK + "-t 2 { expect(Replays.count == 1, \"replayed \" + Replays.count); hits.incrementAndGet(); }", // 19
            "%jmh nosuch(1) + 2", // 20 fails: compile error
            "%jmh -bm fast Math.abs(limit)", // 21 fails: bad option
            "%timeit -q -r 5 --budget 0.3 Math.abs(limit)", // 22
            "%jmh -wi 0 -i 2 -r 20ms --label abs Math.abs(limit)", // 23 returns an int
            "var anon = new Object() { int z = 7; };", // 24
            QUICK + "anon.hashCode()", // 25 fails: not replayable
            "%%jmh -wi 0 -i 1 -r 20ms --no-session int[] arr = new int[4];", // 26 the session's own setup
            "expect(arr.length == 4, \"arr\")", // 27
            "", // 28
            "String end = \"end\";", // 29
            "int sizeOfM() { return m.size(); }", // 30 a method reading a variable
            QUICK + "--no-session sizeOfM()", // 31 fails: m is left out
            "");

    private static ScriptRun run;
    private static JsonNode json;

    @BeforeAll
    static void runScript(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.json");
        run = ScriptRun.file(dir, SCRIPT, List.of(), "--keep-going", "--json", out.toString());
        json = new ObjectMapper().readTree(Files.readString(out));
    }

    private static List<JsonNode> results(String magic) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode r : json.get("results")) if (r.get("magic").asText().equals(magic)) found.add(r);
        return found;
    }

    @Test
    void theReplayedStateIsTheSessionsAndOnlyTheBadLinesFail() {
        assertThat(run.failedLines()).as(run.toString()).containsExactly(17, 20, 21, 25, 31);
        assertThat(run.value("end")).isEqualTo("\"end\"");
    }

    @Test
    void noSessionNamesTheVariableAMethodReadsInsteadOfSuggestingItself() {
        assertThat(run.out)
                .as(run.toString())
                .contains("%jmh: the replayed session does not compile: cannot find symbol "
                        + "(in: static int sizeOfM() { return m.size(); }). The session's methods read the session variable 'm', which "
                        + "--no-session leaves out. Next: declare it in the setup, e.g. --setup \"Map<String, Integer> m = new HashMap<>();\", "
                        + "or drop --no-session.");
    }

    @Test
    void aFailingBenchmarkSaysWhatItThrew() {
        assertThat(run.out).contains("%jmh: the benchmark threw IllegalStateException: limit is 42\n    at expect\n");
    }

    @Test
    void badInputGetsOneLineNamingTheCulprit() {
        assertThat(run.out)
                .contains("%jmh: the snippet does not compile: cannot find symbol\n    nosuch(1) + 2\n    ^^^^^^\n");
        assertThat(run.out).contains("%jmh: -bm takes one of avgt, thrpt, sample, ss, got 'fast'");
        assertThat(run.out)
                .contains(
                        "%jmh: cannot replay #",
                        " var anon = new Object() { int z = 7; };: the type of 'anon' "
                                + "(<anonymous class extending Object>) cannot be written as a field type. Next: give it a named type, "
                                + "or use %%jmh --no-session with the state built in its setup line.");
    }

    @Test
    void jmhsTableNamesTheSnippetAndEachParameter() {
        assertThat(run.out).containsPattern("\nBenchmark +\\(n\\) +Mode +Cnt +Score +Error +Units\n");
        assertThat(run.out)
                .containsPattern("\\{ expect\\(data.length == n, \"n\"\\); } +3 +avgt +1 +\\d+\\.\\d{3} +ns/op\n");
        assertThat(run.out).containsPattern("\nabs +avgt +2 +\\d+\\.\\d{3} +ns/op\n");
    }

    @Test
    void theResultIsComparedWithTheLastTimeitOfTheSameCode() {
        assertThat(run.out)
                .containsPattern(
                        "%timeit \\(result \\d+\\) measured [\\d.]+ \\S+ per op \\(median\\): [\\d.]+× JMH's [\\d.]+ \\S+\\.");
    }

    @Test
    void eachResultIsRecordedWithJmhsOwnJson() {
        List<JsonNode> jmh = results("jmh");
        assertThat(jmh).hasSize(6); // the block, n=3, n=5, -t 2, abs, the cell
        for (JsonNode record : jmh) {
            assertThat(record.at("/metric/name").asText()).isEqualTo("time");
            assertThat(record.at("/metric/unit").asText()).isEqualTo("ns/op");
            assertThat(record.at("/metric/direction").asText()).isEqualTo("lower");
            assertThat(record.get("jmh")).hasSize(1);
            JsonNode own = record.get("jmh").get(0);
            assertThat(own.get("benchmark").asText()).endsWith(".PerfshellSession.PerfshellBenchmark.run");
            assertThat(own.get("mode").asText()).isEqualTo("avgt");
            assertThat(own.at("/primaryMetric/rawData/0"))
                    .hasSize(record.at("/metric/samples").size());
            assertThat(record.at("/metric/center").asDouble())
                    .isEqualTo(own.at("/primaryMetric/score").asDouble());
        }
        assertThat(jmh.get(1).at("/params/p.n").asText()).isEqualTo("3");
        assertThat(jmh.get(2).at("/params/p.n").asText()).isEqualTo("5");
        assertThat(jmh.get(1).at("/params/setup").asText()).isEqualTo("int[] data = new int[n];");
        assertThat(jmh.get(3).at("/jmh/0/threads").asInt()).isEqualTo(2);
        assertThat(jmh.get(4).get("label").asText()).isEqualTo("abs");
        assertThat(jmh.get(4).at("/metric/samples")).hasSize(2);
        assertThat(jmh.get(5).at("/params/setup").asText()).isEqualTo("int[] arr = new int[4];");
    }
}
