package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %compare} end to end, one script, one engine: a loop against the same loop done three times
 * comes out in that order at roughly that ratio (bounds, not values: the machine is shared), with
 * hyperfine's summary and a record per snippet; bad input gets one line.
 */
class CompareMagicScriptTest {
    private static final String SCRIPT = String.join(
            "\n",
            "long[] arr = new long[20_000];", // 1
            "for (int i = 0; i < arr.length; i++) arr[i] = i * 31L % 1000;", // 2
            "long once(long[] a) { long s = 0; for (long v : a) s ^= v * 0x9E3779B97F4A7C15L; return s; }", // 3
            "long thrice(long[] a) { return once(a) + once(a) + once(a); }", // 4
            "%compare --budget 0.8 once(arr) ;; thrice(arr)", // 5
            "%%compare --budget 0.5", // 6
            "one: once(arr)", // 7
            "three: thrice(arr)", // 8
            "", // 9
            "%compare once(arr)", // 10 fails: one snippet
            "%compare nosuch(1) ;; once(arr)", // 11 fails: compile error
            "%compare -r 1 once(arr) ;; thrice(arr)", // 12 fails: one run
            "for (int i = 0; i < 2; i++) { }", // 13
            "String end = \"end\";", // 14
            "%%compare -q -r 4 --budget 0.3", // 15
            "long[] src = new long[64]", // 16 setup: 17, 18 read src
            "a: once(src)", // 17
            "b: thrice(src)", // 18
            "", // 19
            "%%compare -q -r 4 --budget 0.3", // 20 fails: src2 is a snippet's own
            "a: once(src2)", // 21
            "long[] src2 = new long[64];", // 22
            "", // 23
            "%compare -q -r 4 --budget 0.3 --label pair --fresh once(arr) ;; three: thrice(arr)", // 24
            "");

    private static ScriptRun run;
    private static JsonNode json;

    @BeforeAll
    static void runScript(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.json");
        run = ScriptRun.file(dir, SCRIPT, List.of(), "--keep-going", "--json", out.toString());
        json = new ObjectMapper().readTree(Files.readString(out));
    }

    private static List<Double> ratios(String fastest, String slower) {
        Pattern summary = Pattern.compile(
                "  '" + Pattern.quote(fastest) + "' ran\n    ([\\d.]+) times faster than '" + Pattern.quote(slower)
                        + "'  \\(95% CI ([\\d.]+)–([\\d.]+); Welch p = \\S+, Mann-Whitney p = \\S+\\)\n");
        Matcher m = summary.matcher(run.out);
        List<Double> found = new ArrayList<>();
        while (m.find()) found.add(Double.parseDouble(m.group(1)));
        return found;
    }

    @Test
    void onlyTheBadLinesFail() {
        assertThat(run.failedLines()).as(run.toString()).containsExactly(10, 11, 12, 20);
        assertThat(run.value("end")).isEqualTo("\"end\"");
    }

    @Test
    void theLoopDoneOnceRunsAboutThreeTimesFaster() {
        assertThat(ratios("once(arr)", "thrice(arr)"))
                .as(run.out)
                .singleElement()
                .satisfies(ratio -> assertThat(ratio).isBetween(2.0, 4.5));
        assertThat(ratios("one", "three"))
                .as(run.out)
                .singleElement()
                .satisfies(ratio -> assertThat(ratio).isBetween(2.0, 4.5));
        assertThat(run.out)
                .containsPattern("\n +snippet +geo\\. mean +99\\.9% CI of the mean +runs +vs fastest\n"
                        + " *1 +once\\(arr\\) +\\S+ \\S+ +\\[.+] +\\d+ +fastest\n"
                        + " *2 +thrice\\(arr\\) +\\S+ \\S+ +\\[.+] +\\d+ +[\\d.]+×\n");
    }

    @Test
    void badInputGetsOneLine() {
        assertThat(run.out)
                .contains("%compare needs two snippets or more, separated by ;; (or one per line in %%compare). "
                        + "Example: %compare sumLoop(arr) ;; Arrays.stream(arr).sum()");
        assertThat(run.out).contains("%compare: nosuch(1) does not compile:");
        assertThat(run.out).contains("%compare: -r must be at least 2 to compare runs, got 1");
    }

    @Test
    void aCellsFirstLineIsSetupWhenTheSnippetsReadItsVariables() {
        List<JsonNode> records = compareRecords().subList(4, 6);
        assertThat(records).extracting(r -> r.get("label").asText()).containsExactly("a", "b");
        assertThat(records).extracting(r -> r.at("/params/setup").asText()).containsOnly("long[] src = new long[64];");
    }

    @Test
    void labelNamesTheComparisonAndFreshTimesInANewEngine() {
        List<JsonNode> records = compareRecords().subList(6, 8);
        assertThat(records).extracting(r -> r.get("label").asText()).containsExactly("pair/A", "pair/three");
        assertThat(records).extracting(r -> r.at("/params/fresh").asBoolean()).containsOnly(true);
        assertThat(run.out).contains("--fresh: starting a new engine with the replayed session...");
    }

    @Test
    void setupElsewhereInACellIsToldWhereItGoes() {
        assertThat(run.out)
                .contains(
                        "%compare: a does not compile:\nerror: cannot find variable src2 in the session. Next: declare it first.\n"
                                + "Next: setup that the snippets share goes in --setup \"CODE\", after %%compare's options, or on the cell's first line; "
                                + "a snippet's own variables are its own.");
    }

    private static List<JsonNode> compareRecords() {
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode r : json.get("results")) if (r.get("magic").asText().equals("compare")) records.add(r);
        return records;
    }

    @Test
    void eachSnippetIsRecordedWithItsPlaceInTheComparison() {
        List<JsonNode> records = compareRecords().subList(0, 4);
        assertThat(records)
                .extracting(r -> r.get("source").asText())
                .containsExactly("once(arr)", "thrice(arr)", "once(arr)", "thrice(arr)");
        assertThat(records).extracting(r -> r.at("/params/position").asInt()).containsExactly(1, 2, 1, 2);
        assertThat(records.get(2).get("label").asText()).isEqualTo("one");
        for (JsonNode r : records) {
            assertThat(r.at("/metric/unit").asText()).isEqualTo("ns/op");
            assertThat(r.at("/params/snippets").asInt()).isEqualTo(2);
            assertThat(r.get("runsPerOpNanos").size())
                    .isEqualTo(r.at("/metric/samples").size())
                    .isGreaterThan(1);
        }
        // interleaved runs: both snippets of one comparison get the same number of runs measured; each may leave
        // out its own (fresh memory, waiting for a CPU: 19 and 17 reported in a clean-clone build beside others)
        assertThat(measuredRuns(records.get(0))).isEqualTo(measuredRuns(records.get(1)));
    }

    private static int measuredRuns(JsonNode record) {
        return record.get("runs").asInt() + record.get("runsLeftOutPerOpNanos").size();
    }
}
