package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfshell.repl.flame.FoldedStacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %flame} end to end: one script, one real engine, async-profiler in it. Two leaf methods doing the same
 * arithmetic, one three times as long, must come out in that order with roughly that ratio; an allocating method
 * must top the alloc profile; the files must be what they claim; and the JFR fallback must profile too.
 */
class FlameScriptTest {
    private static final String SCRIPT = String.join(
            "\n",
            // an LCG chain: C2 cannot fold or vectorise it, so the work is proportional to n
            "long light(long x) { for (int i = 0; i < 20_000; i++) x = x * 6364136223846793005L + 1442695040888963407L; return x; }", // 1
            "long heavy(long x) { for (int i = 0; i < 60_000; i++) x = x * 6364136223846793005L + 1442695040888963407L; return x; }", // 2
            "long seed = 7;", // 3
            "%flame -q --duration 2 --interval 1ms --html HTML --collapsed COLLAPSED --label hot light(seed) + heavy(seed)", // 4
            "byte[] makeBytes() { return new byte[4096]; }", // 5
            "Object holder;", // 6
            "%flame -q --event alloc --no-html --duration 1 -o allocs holder = makeBytes()", // 7
            "String topAlloc = allocs.get(0).getKey();", // 8
            "%flame -q --backend jfr --no-html --duration 2 -o viaJfr light(seed) + heavy(seed)", // 9
            "String topJfr = viaJfr.get(0).getKey();", // 10
            "int boom() { throw new IllegalStateException(\"boom\"); }", // 11
            "%flame -q --no-html --duration 0.2 boom()", // 12 fails: it throws
            "%flame --event nosuch light(1)", // 13 fails: unknown event
            "%flame -q --no-html --duration 0.5 -o onlyLight --include light light(seed) + heavy(seed)", // 14
            "boolean noHeavy = !onlyLight.isEmpty() && onlyLight.stream().noneMatch(e -> e.getKey().startsWith(\"heavy\"));", // 15
            "%flame --include ( light(1)", // 16 fails: bad regex
            // a parallel stream: the common pool's worker does part of the work, on a thread of its own
            "long par() { return java.util.stream.LongStream.range(0, 16).parallel().map(i -> heavy(i)).sum(); }", // 17
            "%flame -q --threads --no-html --duration 1 --label threads par()", // 18
            "%flame -q --backend jfr --threads --jfr JFR_JFR --no-html --duration 1 --label jfrfile par()", // 19
            "%flame -q --jfr ASYNC_JFR --duration 0.5 --label asyncjfr light(seed)", // 20: HTML under PERFSHELL_HOME
            "%flame --threads --jfr x.jfr light(1)", // 21 fails: needs --backend jfr
            "%flame --backend nosuch light(1)", // 22 fails: unknown backend
            "String end = \"end\";", // 23
            "");

    private static ScriptRun run;
    private static JsonNode json;
    private static Path html;
    private static Path collapsed;
    private static Path home;
    private static Path jfrByJfr;
    private static Path jfrByAsync;

    @BeforeAll
    static void runScript(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.json");
        html = dir.resolve("flame.html");
        collapsed = dir.resolve("flame.txt");
        home = dir.resolve("home");
        jfrByJfr = dir.resolve("recordings/by-jfr.jfr"); // its folder does not exist yet: %flame makes it
        jfrByAsync = dir.resolve("by-async.jfr");
        String script = SCRIPT.replace("HTML", html.toString())
                .replace("COLLAPSED", collapsed.toString())
                .replace("JFR_JFR", jfrByJfr.toString())
                .replace("ASYNC_JFR", jfrByAsync.toString());
        // PERFSHELL_HOME as the shell is given it, not the test JVM's environment: the default HTML goes under it
        run = ScriptRun.file(
                Map.of("PERFSHELL_HOME", home.toString()),
                dir,
                script,
                List.of(),
                "--keep-going",
                "--json",
                out.toString());
        json = new ObjectMapper().readTree(Files.readString(out));
    }

    private static JsonNode result(String magic, int index) {
        int seen = 0;
        for (JsonNode r : json.get("results")) {
            if (r.get("magic").asText().equals(magic) && seen++ == index) return r;
        }
        throw new AssertionError("no " + magic + " result #" + index + " in " + json);
    }

    private static JsonNode labelled(String label) {
        for (JsonNode r : json.get("results")) if (label.equals(r.path("label").asText())) return r;
        throw new AssertionError("no result labelled " + label + " in " + json);
    }

    private static long self(JsonNode flame, String method) {
        for (JsonNode row : flame.get("top"))
            if (row.get("method").asText().equals(method))
                return row.get("selfSamples").asLong();
        throw new AssertionError("no row " + method + " in " + flame.get("top"));
    }

    @Test
    void onlyTheBadLinesFail() {
        assertThat(run.failedLines()).as(run.toString()).containsExactly(12, 13, 16, 21, 22);
        assertThat(run.out + run.err)
                .contains("%flame: --threads with --jfr needs --backend jfr")
                .contains("%flame: unknown backend 'nosuch'. Next: one of auto, async, jfr.");
        assertThat(run.out).contains("%flame: bad regex '(': Unclosed group. Next: e.g. --include 'fib|fill'.");
        assertThat(run.value("end")).isEqualTo("\"end\"");
    }

    @Test
    void includeKeepsOnlyTheStacksThroughTheMatchingMethod() {
        assertThat(run.value("noHeavy")).as(run.toString()).isEqualTo("true");
    }

    @Test
    void theHeavierMethodLeadsByRoughlyItsShareOfTheWork() {
        JsonNode hot = result("flame", 0);
        assertThat(hot.get("backend").asText()).isEqualTo("async-profiler");
        assertThat(hot.get("event").asText()).isIn("cpu", "itimer");
        assertThat(hot.get("label").asText()).isEqualTo("hot");
        long heavy = self(hot, "heavy (#2:1)");
        long light = self(hot, "light (#1:1)");
        assertThat(hot.get("top").get(0).get("method").asText())
                .as(hot.toString())
                .isEqualTo("heavy (#2:1)");
        assertThat((double) heavy / light).as(hot.toString()).isBetween(1.8, 5.0);
        assertThat(hot.get("samples").asLong())
                .isGreaterThan(500); // 2 s at 1 ms (2,000 expected), on a busy 2-core machine
        assertThat(hot.get("metric").get("unit").asText()).isEqualTo("ns/op");
    }

    @Test
    void theAllocatingMethodTopsTheAllocationProfile() {
        assertThat(run.value("topAlloc")).as(run.toString()).isEqualTo("\"makeBytes (#5:1)\"");
        assertThat(result("flame", 1).get("event").asText()).isEqualTo("alloc");
    }

    @Test
    void theFlameGraphIsOneFileThatLoadsNothingFromTheNetwork() throws Exception {
        assertThat(result("flame", 0).get("html").asText()).isEqualTo(html.toString());
        String page = Files.readString(html);
        assertThat(page).contains("<script>").contains("heavy"); // async-profiler's page, with the profile inside
        // no loaded resources at all; the only URL is the "Produced by async-profiler" link, which loads nothing
        assertThat(page)
                .doesNotContainPattern("(?i)<script[^>]+src=")
                .doesNotContainPattern("(?i)<link")
                .doesNotContain("@import")
                .doesNotContainPattern("(?i)url\\(\\s*['\"]?https?:");
        Matcher urls = Pattern.compile("https?://[^'\"\\s)<]+").matcher(page);
        while (urls.find()) {
            String before = page.substring(Math.max(0, urls.start() - 10), urls.start());
            assertThat(before).as("URL %s", urls.group()).endsWith("<a href='");
        }
    }

    @Test
    void theCollapsedFileIsFoldedStacksStartingAtTheStatement() throws Exception {
        List<String> lines = Files.readAllLines(collapsed);
        assertThat(lines).isNotEmpty().allMatch(line -> line.matches("[^ ].*;?.* \\d+"));
        FoldedStacks stacks = FoldedStacks.parse(Files.readString(collapsed));
        assertThat(stacks.stacks()).allMatch(s -> s.frames().get(0).equals("<statement>"));
        assertThat(stacks.samples()).isEqualTo(result("flame", 0).get("samples").asLong());
    }

    @Test
    void jfrProfilesWhenAsyncProfilerIsDisabledAndSaysSo() {
        assertThat(run.out + run.err).contains("backend: JFR (chosen with --backend jfr)");
        JsonNode viaJfr = result("flame", 2);
        assertThat(viaJfr.get("backend").asText()).isEqualTo("JFR");
        assertThat(viaJfr.get("samples").asLong()).as(viaJfr.toString()).isGreaterThan(20);
        assertThat(run.value("topJfr")).isEqualTo("\"heavy (#2:1)\"");
    }

    @Test
    void threadsSplitTheProfileWithTheWorkersOwnStacks() {
        JsonNode threads = labelled("threads");
        assertThat(threads.get("params").get("threads").asBoolean()).isTrue();
        List<String> names = new java.util.ArrayList<>();
        long sum = 0;
        for (JsonNode t : threads.get("threads")) {
            names.add(t.get("thread").asText());
            sum += t.get("samples").asLong();
        }
        assertThat(names)
                .as(threads.toString())
                .allMatch(name -> name.matches("\\[.+ tid=\\d+]"))
                .anyMatch(name -> name.startsWith("[ForkJoinPool.commonPool-worker"));
        assertThat(sum).isEqualTo(threads.get("samples").asLong());
        // thread frames are no methods: the table's rows are methods summed over the threads
        assertThat(threads.get("top").findValuesAsText("method"))
                .noneMatch(m -> m.contains("tid="))
                .contains("heavy (#2:1)");
    }

    @Test
    void jfrFileIsARecordingWithEitherBackend() throws Exception {
        assertThat(labelled("jfrfile").get("jfr").asText()).isEqualTo(jfrByJfr.toString());
        assertThat(labelled("jfrfile").get("threads").size())
                .as("--backend jfr splits by thread too")
                .isGreaterThanOrEqualTo(2);
        assertThat(labelled("asyncjfr").get("jfr").asText()).isEqualTo(jfrByAsync.toString());
        assertThat(labelled("asyncjfr").get("backend").asText()).isEqualTo("async-profiler");
        for (Path file : List.of(jfrByJfr, jfrByAsync)) {
            assertThat(jdk.jfr.consumer.RecordingFile.readAllEvents(file))
                    .as(file.toString())
                    .anyMatch(e -> e.getEventType().getName().equals("jdk.ExecutionSample"));
        }
        assertThat(run.out).contains("JFR recording: " + jfrByAsync);
    }

    @Test
    void theDefaultFlameGraphGoesUnderTheInjectedHomeAndReadsLikeTheTable() throws Exception {
        Path page = Path.of(labelled("asyncjfr").get("html").asText());
        assertThat(page).startsWith(home.resolve("flame")).exists();
        assertThat(Files.readString(page))
                .contains("light (#1:1)")
                .contains("<statement>".replace("<", "\\x3c"))
                .doesNotContain("REPL/")
                .doesNotContain("perfshell$loop");
    }

    @Test
    void aThrowingStatementIsProfiledUntilItThrowsAndSaysSo() {
        assertThat(run.err + run.out)
                .contains("The statement threw java.lang.IllegalStateException: boom after 0 complete runs");
        assertThat(run.err + run.out).contains("%flame: unknown event 'nosuch'. Next: one of cpu, alloc, wall, lock.");
    }
}
