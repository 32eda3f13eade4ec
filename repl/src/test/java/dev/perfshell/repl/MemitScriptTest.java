package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jol.info.GraphLayout;

/**
 * {@code %memit} and {@code %sizeof} end to end: one script, one real engine JVM. Byte counts are exact
 * where the JVM makes them exact (allocation counters, JOL), and proportions elsewhere (retained heap
 * after a full collection is within a few percent of the data kept).
 */
class MemitScriptTest {
    private static final long MB10 = 10_000_000L;
    private static final String SCRIPT = String.join(
            "\n",
            "double d = 3.7;", // 1
            "int zero = 0;", // 2
            "%memit -q -o bytes new byte[1024]", // 3
            "double bytesPerOp = bytes.allocatedBytesPerOp();", // 4
            "%memit -q -o none Math.sqrt(d) * d", // 5
            "double nonePerOp = none.allocatedBytesPerOp();", // 6
            "java.util.List<byte[]> keep = new java.util.ArrayList<>();", // 7
            "%memit -q -o kept for (int i = 0; i < 10; i++) keep.add(new byte[1_000_000]);", // 8
            "long keptRetained = kept.retainedBytes();", // 9
            "double keptPerOp = kept.allocatedBytesPerOp();", // 10
            "%memit -q -o cleared keep.clear()", // 11
            "long clearedRetained = cleared.retainedBytes();", // 12
            "%memit -q -o dropped { byte[] b = new byte[10_000_000]; b[1] = 1; }", // 13
            "long droppedRetained = dropped.retainedBytes();", // 14
            "long droppedIncrement = dropped.incrementBytes();", // 15
            "long droppedAllocated = dropped.allocatedBytes();", // 16
            "%memit -q -o big new long[10_000_000]", // 17
            "long bigIncrement = big.incrementBytes();", // 18
            "long bigRetained = big.retainedBytes();", // 19
            "%memit -q -o rep -r 3 new long[1_000]", // 20
            "int repeats = rep.peakBytesPerRepeat().length;", // 21
            "%memit 1 / zero", // 22 fails
            "%memit -r 0 new long[1]", // 23 fails
            "%memit --timeout 1 while (true) {}", // 24
            "int after = 1 + 1;", // 25
            "%memit new byte[1024]", // 26
            "%sizeof java.util.stream.IntStream.range(0, 100).boxed().collect(java.util.stream.Collectors.toList())", // 27
            "record Point(int x, int y) {}", // 28
            "%sizeof -v new Point(1, 2)", // 29
            "Runnable lambda = () -> {};", // 30
            "%sizeof lambda", // 31
            "%sizeof 42", // 32
            "%sizeof nosuch + 1", // 33 fails
            "%memit --result -q -o res java.util.stream.IntStream.range(0, 100).boxed().collect(java.util.stream.Collectors.toList())", // 34
            "%sizeof int y = 3;", // 35 fails
            "java.util.List<java.lang.ref.WeakReference<Object>> refs = new java.util.ArrayList<>();", // 36
            "Object made() { Object o = new int[1000]; refs.add(new java.lang.ref.WeakReference<>(o)); return o; }", // 37
            "%sizeof made()", // 38
            "%memit -q made()", // 39
            "System.gc(); Thread.sleep(100); System.gc();", // 40
            "boolean measuredValuesFreed = refs.stream().allMatch(r -> r.get() == null) && refs.size() >= 2;", // 41
            "String end = \"end\";", // 42
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

    private static double number(String name) {
        return Double.parseDouble(value(name));
    }

    private static int indexOf(String prefix) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(prefix)) return i;
        throw new AssertionError("no line starting with '" + prefix + "' in\n" + run);
    }

    @Test
    void onlyTheBadLinesFail() {
        assertThat(run.failedLines()).as(run.toString()).containsExactly(22, 23, 33, 35);
        assertThat(value("end")).isEqualTo("\"end\"");
    }

    @Test
    void theValuesMeasuredAreFreedAfterwards() {
        // the hidden variable that held them is dropped and its field cleared in the engine
        assertThat(value("measuredValuesFreed")).as(run.toString()).isEqualTo("true");
    }

    @Test
    void bytePerOperationIsExact() {
        // 1,024 bytes + a 16-byte array header on a default 64-bit JVM (compressed class pointers)
        assertThat(number("bytesPerOp")).as(run.toString()).isEqualTo(1040.0);
        assertThat(number("nonePerOp")).as(run.toString()).isEqualTo(0.0);
    }

    @Test
    void retainedFollowsWhatTheSessionKeeps() {
        assertThat(number("keptRetained")).as(run.toString()).isCloseTo(MB10, within(MB10 * 5 / 100.0));
        assertThat(number("clearedRetained")).as(run.toString()).isCloseTo(-MB10, within(MB10 * 5 / 100.0));
        assertThat(Math.abs(number("droppedRetained"))).as(run.toString()).isLessThan(100_000);
        assertThat(value("keptPerOp")).as("a statement is not looped").isEqualTo("NaN");
    }

    @Test
    void shortLivedPeakIsSeen() {
        // memory_profiler's sampling misses what is freed before its next sample; the heap peak cannot.
        assertThat(number("droppedAllocated")).as(run.toString()).isBetween(10_000_016.0, 10_001_000.0);
        assertThat(number("droppedIncrement")).as(run.toString()).isGreaterThanOrEqualTo(10_000_016.0);
        assertThat(number("bigIncrement")).as(run.toString()).isGreaterThanOrEqualTo(80_000_016.0);
        assertThat(Math.abs(number("bigRetained")))
                .as("an expression's value is not kept")
                .isLessThan(100_000);
    }

    @Test
    void repeatsAreKept() {
        assertThat(value("repeats")).isEqualTo("3");
    }

    @Test
    void printedFigures() {
        int i = indexOf("per operation: 1,040 B/op (the expression looped ") - 4;
        assertThat(lines.get(i)).matches("peak memory: \\d+\\.\\d\\d MiB, increment: \\d+\\.\\d\\d MiB");
        assertThat(lines.get(i + 1)).startsWith("allocated: ").endsWith("by the statement's thread");
        assertThat(lines.get(i + 2)).startsWith("retained after GC: ");
        assertThat(lines.get(i + 3)).startsWith("GC: ");
        assertThat(lines.get(i + 4))
                .matches(
                        "per operation: 1,040 B/op \\(the expression looped [0-9,]+ times after warm-up, its value kept alive\\)");
        assertThat(lines.get(i + 5)).startsWith("process RSS: peak ").contains("secondary");
    }

    @Test
    void errorsNameTheCulprit() {
        assertThat(run.out + run.err)
                .contains("Exception java.lang.ArithmeticException: / by zero")
                .contains("%memit: -r must be at least 1, got 0")
                .contains("error: cannot find symbol")
                .contains("%sizeof measures the value of an expression, not a statement or declaration: int y = 3;. "
                        + "Next: declare it first, then %sizeof NAME");
    }

    @Test
    void timeoutStopsTheStatementAndTheSessionGoesOn() {
        assertThat(run.out + run.err).contains("Stopped by --timeout after 1 s: the figures cover the part that ran.");
        assertThat(value("after")).isEqualTo("2");
    }

    @Test
    void sizeofAgreesWithJol() {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 100; i++) list.add(i);
        long jol = GraphLayout.parseInstance(list).totalSize();
        int i = indexOf("java.util.ArrayList: ");
        assertThat(lines.get(i)).contains(String.format(java.util.Locale.ROOT, "(%,d B) in 102 objects", jol));
        assertThat(lines.get(i + 1)).matches("\\s+COUNT\\s+AVG\\s+SUM\\s+DESCRIPTION");
        assertThat(lines.get(i + 2)).matches("\\s+100\\s+16\\s+1,600\\s+java\\.lang\\.Integer");
    }

    @Test
    void sizeofHandlesRecordsLambdasAndPrimitives() {
        assertThat(lines).contains("Point: 24 B in 1 object (deep size, JOL)");
        assertThat(lines).anyMatch(line -> line.matches("\\s+12\\s+4\\s+int Point\\.x\\s+N/A"));
        assertThat(lines).anyMatch(line -> line.matches(".*\\$Lambda.*: 16 B in 1 object \\(deep size, JOL\\)"));
        assertThat(lines).anyMatch(line -> line.startsWith("42 is a primitive int: 4 bytes"));
        assertThat(run.out + run.err).doesNotContain("WARNING").doesNotContain("Unable to");
    }

    @Test
    void exportHasTheMemitAndSizeofFields() {
        List<JsonNode> memits = new ArrayList<>();
        List<JsonNode> sizeofs = new ArrayList<>();
        json.get("results").forEach(r -> {
            if (r.get("magic").asText().equals("memit")) memits.add(r);
            if (r.get("magic").asText().equals("sizeof")) sizeofs.add(r);
        });
        assertThat(memits).hasSizeGreaterThanOrEqualTo(8);
        JsonNode first = memits.get(0);
        assertThat(first.get("source").asText()).isEqualTo("new byte[1024]");
        for (String field : List.of(
                "peakBytes",
                "incrementBytes",
                "allocatedBytes",
                "allocatedBytesPerOp",
                "ops",
                "retainedBytes",
                "gcCount",
                "gcTimeNanos",
                "peakRssBytes",
                "rssIncrementBytes")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("allocatedBytesPerOp").asDouble()).isEqualTo(1040.0);
        assertThat(first.get("metric").get("name").asText()).isEqualTo("allocated");
        assertThat(first.get("metric").get("unit").asText()).isEqualTo("bytes");
        JsonNode withValue = memits.stream()
                .filter(r -> !r.get("valueBytes").isNull())
                .findFirst()
                .orElseThrow();
        assertThat(withValue.get("valueBytes").asLong())
                .isEqualTo(sizeofs.get(0).get("totalBytes").asLong());
        assertThat(sizeofs.get(0).get("objects").asLong()).isEqualTo(102);
        assertThat(sizeofs.get(0).get("classes").get(0).get("class").asText()).isEqualTo("java.lang.Integer");
    }
}
