package dev.perfshell.repl.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of {@code perfshell compare} with broken results files (the hardening issue): truncated
 * documents, every field of the contract given every wrong type, wrong and missing schemas, NaN and
 * numbers beyond a double, empty and non-UTF-8 files, duplicate keys, nesting past Jackson's limit,
 * folders and missing files. Invariant: exit 2, nothing on stdout, one line on stderr that names the file
 * (and the JSON path where the fault is in a field) and a next step, never a stack trace. A million
 * samples a side, valid, still compare, in seconds.
 */
class FuzzCompareTest {
    private static final long SEED = 20261202L;
    private static final int DOCUMENTS = 600;

    private static final String GOOD = TestDocuments.results(
            TestDocuments.record("a", "timeit", "f()", "[1.0, 1.1, 1.2]", "1.1"),
            TestDocuments.record(null, "time", "g()", "[5.0]", "5.0"));
    /** Where each field the reader checks sits in {@link #GOOD}, as the text to replace and the path the message names. */
    private static final List<String[]> FIELDS = List.of(
            new String[] {"\"schema\": \"perfshell-results/1\"", "\"schema\": %s", "schema"},
            new String[] {
                "\"schema\": \"perfshell-results/1\",", "\"schema\": \"perfshell-results/1\", \"forks\": %s,", "forks"
            },
            new String[] {"\"environment\": {", "\"environment\": %s, \"x\": {", "environment"},
            new String[] {"\"results\": [", "\"results\": %s, \"x\": [", "results"},
            new String[] {"{\"magic\": \"timeit\"", "{\"magic\": %s", "results[0].magic"},
            new String[] {"\"label\": \"a\"", "\"label\": %s", "results[0].label"},
            new String[] {"\"source\": \"f()\"", "\"source\": %s", "results[0].source"},
            new String[] {"\"params\": {}", "\"params\": %s", "results[0].params"},
            new String[] {
                "\"metric\": {\"name\": \"time\"", "\"metric\": %s, \"x\": {\"name\": \"time\"", "results[0].metric"
            },
            new String[] {"\"name\": \"time\"", "\"name\": %s", "results[0].metric.name"},
            new String[] {"\"unit\": \"ns/op\"", "\"unit\": %s", "results[0].metric.unit"},
            new String[] {"\"direction\": \"lower\"", "\"direction\": %s", "results[0].metric.direction"},
            new String[] {"\"samples\": [1.0, 1.1, 1.2]", "\"samples\": %s", "results[0].metric.samples"},
            new String[] {"\"center\": 1.1", "\"center\": %s", "results[0].metric.center"},
            new String[] {
                "\"engineJvmArguments\": [", "\"engineJvmArguments\": %s, \"x\": [", "environment.engineJvmArguments"
            });
    /** Values of every JSON type and a few a double cannot hold: at least one is wrong for each field. */
    private static final List<String> WRONG = List.of(
            "null",
            "true",
            "0",
            "-1",
            "1e400",
            "-1e400",
            "\"1.0\"",
            "\"\"",
            "[]",
            "{}",
            "[\"x\"]",
            "[null]",
            "[1e999]",
            "[-5.0]",
            "{\"a\": 1}",
            "18446744073709551619",
            "\"perfshell-results/2\"");

    @Test
    void brokenFilesAreOneLineUsageErrors(@TempDir Path dir) throws Exception {
        Random random = new Random(SEED);
        Path good = Files.writeString(dir.resolve("good.json"), GOOD);
        Map<String, String> failures = new TreeMap<>(); // the first failure of each kind of input
        long start = System.nanoTime();
        for (int i = 0; i < DOCUMENTS; i++) {
            Broken broken = broken(random, dir, i);
            boolean badFirst = random.nextBoolean();
            CompareRun run = badFirst ? CompareRun.of(broken.file, good) : CompareRun.of(good, broken.file);
            String context = "seed " + SEED + ", document " + i + " (" + broken.kind + ", "
                    + (badFirst ? "BASE" : "NEW") + "): " + preview(broken.file) + "\nexit " + run.exitCode()
                    + "\n--- out\n" + run.out() + "--- err\n" + run.err();
            try {
                checkRefused(run, broken, context);
            } catch (AssertionError e) {
                failures.putIfAbsent(broken.kind, e.getMessage());
            }
        }
        System.out.printf(
                "perfshell compare fuzz: %d broken documents (seed %d) in %d ms%n",
                DOCUMENTS, SEED, (System.nanoTime() - start) / 1_000_000);
        assertThat(failures)
                .as("documents that broke an invariant, the first of each kind")
                .isEmpty();
    }

    private static void checkRefused(CompareRun run, Broken broken, String context) {
        assertThat(run.exitCode()).as(context).isEqualTo(2);
        assertThat(run.out()).as(context).isEmpty();
        assertThat(run.err()).as(context).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err().lines()).as(context).hasSize(1);
        String line = run.err().strip();
        assertThat(line).as(context).startsWith("perfshell compare: " + broken.file.toString());
        if (broken.path != null)
            assertThat(names(line, broken.path))
                    .as("names %s: %s", broken.path, context)
                    .isTrue();
        assertThat(line).as(context).contains("Next:");
    }

    /** A broken document (or a path that is no document), the kind of breakage, and the JSON path it must name. */
    private record Broken(Path file, String kind, String path) {}

    private static Broken broken(Random random, Path dir, int number) throws Exception {
        Path file = dir.resolve("bad" + number + ".json");
        switch (random.nextInt(10)) {
            case 0, 1, 2 -> {
                String[] field = FIELDS.get(random.nextInt(FIELDS.size()));
                String value = WRONG.get(random.nextInt(WRONG.size()));
                String text = GOOD.replace(field[0], field[1].formatted(value));
                if (!wrongFor(field[2], value)) return broken(random, dir, number); // right by chance: draw again
                Files.writeString(file, text);
                return new Broken(file, "wrong type of " + field[2] + ": " + value, field[2]);
            }
            case 3 -> {
                Files.writeString(file, GOOD.substring(0, random.nextInt(GOOD.length() - 1)));
                return new Broken(file, "truncated", null);
            }
            case 4 -> {
                String text = GOOD.replace("\"center\": 1.1", "\"center\": 1.1, \"center\": 1.3");
                if (random.nextBoolean())
                    text = GOOD.replace(
                            "\"schema\": \"perfshell-results/1\",",
                            "\"schema\": \"perfshell-results/1\", \"schema\": \"x\",");
                Files.writeString(file, text);
                return new Broken(file, "duplicate key", null);
            }
            case 5 -> {
                String nonNumber = List.of("NaN", "Infinity", "-Infinity", "+1", ".5", "01", "1.", "0x10")
                        .get(random.nextInt(8));
                Files.writeString(file, GOOD.replace("\"center\": 1.1", "\"center\": " + nonNumber));
                return new Broken(file, "not a JSON number: " + nonNumber, null);
            }
            case 6 -> {
                byte[] text = GOOD.getBytes(StandardCharsets.UTF_8);
                int at = 1 + random.nextInt(text.length - 2);
                text[at] = (byte) (0x80 + random.nextInt(0x40)); // a continuation byte alone
                Files.write(file, text);
                return new Broken(file, "not UTF-8", null);
            }
            case 7 -> {
                int depth = 1_001 + random.nextInt(100_000);
                String nested = "[".repeat(depth) + "]".repeat(depth);
                Files.writeString(file, GOOD.replace("\"params\": {}", "\"params\": {\"deep\": " + nested + "}"));
                return new Broken(file, "nested too deep", null);
            }
            case 8 -> {
                String text = List.of(
                                "",
                                " ",
                                "\n",
                                "null",
                                "[]",
                                "\"perfshell-results/1\"",
                                "42",
                                "{}",
                                "\ufeff",
                                "{\"schema\": null}",
                                "{\"schema\": \"perfshell-results/1\", \"results\": []}")
                        .get(random.nextInt(11));
                Files.writeString(file, text);
                return new Broken(file, "empty or bare: " + text.strip(), null);
            }
            default -> {
                if (random.nextBoolean())
                    return new Broken(dir.resolve("missing" + number + ".json"), "missing file", null);
                return new Broken(Files.createDirectories(dir.resolve("folder" + number + ".json")), "a folder", null);
            }
        }
    }

    /** Whether {@code value} breaks {@code field}'s contract (docs/results.md, schema perfshell-results/1): what compare must refuse. */
    private static boolean wrongFor(String field, String value) {
        boolean string = value.startsWith("\"");
        boolean object = value.startsWith("{");
        return switch (field) {
            case "results[0].label", "results[0].source" -> !string && !value.equals("null");
            case "environment", "results[0].params" -> !object && !value.equals("null");
            case "environment.engineJvmArguments" ->
                !value.equals("[]") && !value.equals("null") && !value.equals("[\"x\"]");
            case "results[0].magic", "results[0].metric.name", "results[0].metric.unit" -> !string;
            // a number a double holds, negative or not (the schema does not forbid it); an array of them, even empty
            case "results[0].metric.center" -> !value.matches("-?[0-9]+(\\.[0-9]+)?");
            case "results[0].metric.samples" -> !value.equals("[]") && !value.equals("[-5.0]");
            case "forks" -> !value.equals("null"); // null: not forked, as when absent
            default -> true; // schema, results, metric, direction: every value in WRONG is wrong
        };
    }

    /** The message names the JSON path, or its parent and the missing field ({@code results[0] has no "metric" block}). */
    private static boolean names(String line, String path) {
        if (line.contains(path)) return true;
        int dot = path.lastIndexOf('.');
        return dot > 0 && line.contains(path.substring(0, dot)) && line.contains("\"" + path.substring(dot + 1) + "\"");
    }

    private static String preview(Path file) throws Exception {
        if (!Files.isRegularFile(file)) return file.toString();
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        return file + " = " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }

    @Test
    void aMillionSamplesASideStillCompare(@TempDir Path dir) throws Exception {
        Path base = Files.writeString(dir.resolve("base.json"), millionSamples(new Random(SEED), 1.0));
        Path next = Files.writeString(dir.resolve("new.json"), millionSamples(new Random(SEED + 1), 1.5));
        long start = System.nanoTime();
        CompareRun run = CompareRun.of(base, next);
        long millis = (System.nanoTime() - start) / 1_000_000;
        // One engine a side: however many runs, a change is inconclusive (exit 0) until forks are compared.
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("1000000+1000000 runs")
                .contains("1.50x slower")
                .contains("inconclusive (one engine a side)");
        assertThat(millis)
                .as("a million a side must compare in seconds, not an m·n pass")
                .isLessThan(60_000);
        System.out.printf("perfshell compare fuzz: a million samples a side compared in %d ms%n", millis);
    }

    private static String millionSamples(Random random, double scale) {
        StringBuilder samples = new StringBuilder("[");
        for (int i = 0; i < 1_000_000; i++) {
            if (i > 0) samples.append(',');
            samples.append(scale * (100 + random.nextGaussian()));
        }
        return TestDocuments.results(TestDocuments.record(
                "big", "timeit", "f()", samples.append(']').toString(), String.valueOf(100 * scale)));
    }
}
