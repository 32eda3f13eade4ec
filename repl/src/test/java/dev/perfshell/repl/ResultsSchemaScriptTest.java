package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfshell.repl.results.ResultsSchema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code perfshell run FILE.jsh --json OUT} with every magic that records a result, on real engines, and the export
 * checked against {@code docs/results-schema.json}. Counts are small: this checks the export's shape, not the numbers.
 */
class ResultsSchemaScriptTest {
    private static final String JMH = "%jmh -wi 0 -i 1 -r 20ms ";
    private static final String SCRIPT = String.join(
            "\n",
            "double x = 2.0;",
            "int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }",
            "long work(int n) { long s = 0; for (int i = 0; i < n; i++) s += i % 7; return s; }",
            "int[] fill(int n) { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = i; return a; }",
            "String nothing = null;",
            "%timeit -q -r 5 -n 1000 --label sqrt Math.sqrt(x)",
            "%timeit -q -r 2 -n 1000 --setup \"double y = 3.0;\" Math.sqrt(y)", // two runs: no interval
            "%timeit -q --param n=10,100,1000,10000 -r 3 -n 10 work(n)",
            "%compare -q -r 3 -n 1000 Math.sqrt(x) ;; Math.cbrt(x)",
            "%why -q -r 5 Integer.valueOf((int) x).hashCode() + fill(4).length",
            "%timeit --why -q -r 5 Math.sqrt(x)",
            "%time fib(20)",
            "%prun -q -n 2 fib(18)",
            "%prun -q --timed fib(15)",
            "%prun -q --counts fib(15)",
            "%lprun -q -f work work(10_000)",
            "%mprun -q -f fill fill(1000)",
            "%memit -q new byte[1024]",
            "%memit -q -r 2 --result fill(1000)",
            "%memit -q --param n=1000,10000,100000 new int[n]",
            "%sizeof fill(10)",
            "%sizeof nothing",
            "%flame -q --no-html --duration 0.5 --label hot fib(22)",
            "%flame -q --no-html --duration 0.5 --threads fib(22)",
            JMH + "Math.sqrt(x)",
            JMH + "-f 2 -bm thrpt --label rate Math.sqrt(x)",
            "");

    private static ScriptRun run;
    private static JsonNode export;

    @BeforeAll
    static void runScript(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.json");
        run = ScriptRun.file(dir, SCRIPT, List.of(), "--keep-going", "--json", out.toString());
        export = ResultsSchema.read(out);
    }

    @Test
    void everyMagicsExportIsValid() {
        assertThat(run.failedLines()).as(run.toString()).isEmpty();
        assertThat(run.exitCode).as(run.toString()).isZero();

        // The export holds every kind and the variants the schema tells apart.
        Set<String> kinds = new TreeSet<>();
        List<String> variants = new ArrayList<>();
        for (JsonNode result : export.get("results")) {
            String magic = result.get("magic").asText();
            kinds.add(magic);
            String unit = result.get("metric").get("unit").asText();
            if (magic.equals("prun")) variants.add("prun " + result.get("mode").asText());
            if (magic.equals("memit")) variants.add("memit " + unit);
            if (magic.equals("jmh"))
                variants.add("jmh " + unit + " forks "
                        + result.get("metric").path("forks").size());
            if (magic.equals("sizeof") && result.get("rootClass").isNull()) variants.add("sizeof null");
            if (result.has("complexity")) variants.add(magic + " complexity");
            if (magic.equals("timeit") && result.has("jit")) variants.add("timeit why");
            if (magic.equals("why") && result.get("findings").size() > 0) variants.add("why with findings");
            if (magic.equals("timeit") && result.get("metric").get("ciLow").isNull())
                variants.add("timeit no interval");
        }
        assertThat(kinds)
                .containsExactlyInAnyOrder(
                        "timeit", "why", "compare", "time", "prun", "lprun", "mprun", "memit", "sizeof", "flame",
                        "jmh");
        assertThat(variants)
                .contains(
                        "prun sampled",
                        "prun timed",
                        "prun counts",
                        "memit bytes",
                        "memit bytes/op",
                        "sizeof null",
                        "timeit complexity",
                        "memit complexity",
                        "timeit no interval",
                        "timeit why",
                        "why with findings",
                        "jmh ns/op forks 0",
                        "jmh ops/s forks 2");

        ResultsSchema.assertValid(export, "perfshell run --json of every magic");
    }

    /** The same export, changed in one place each the way no writer of the magic would: each change is named exactly. */
    @Test
    void whatAMagicNeverWritesIsRejected() {
        int counts = index(r ->
                r.get("magic").asText().equals("prun") && r.get("mode").asText().equals("counts"));
        assertThat(problems(counts, r -> ((ObjectNode) r.get("methods").get(0)).put("selfNanos", 5)))
                .containsExactly("/results/" + counts + "/methods/0/selfNanos const: must be the constant value '0'");
        int timed = index(r ->
                r.get("magic").asText().equals("prun") && r.get("mode").asText().equals("timed"));
        assertThat(problems(timed, r -> ((ObjectNode) r.get("methods").get(0)).put("selfSamples", 3)))
                .containsExactly(
                        "/results/" + timed + "/methods/0/selfSamples false: schema for 'selfSamples' is false");
        int thrpt = index(r -> r.get("magic").asText().equals("jmh")
                && r.get("params").get("mode").asText().equals("thrpt"));
        assertThat(problems(thrpt, r -> ((ObjectNode) r.get("metric")).put("direction", "lower")))
                .containsExactly("/results/" + thrpt + "/metric/direction const: must be the constant value 'higher'");
        int nothing = index(r ->
                r.get("magic").asText().equals("sizeof") && r.get("rootClass").isNull());
        assertThat(problems(nothing, r -> r.put("totalBytes", 8)))
                .containsExactly("/results/" + nothing + "/totalBytes const: must be the constant value '0'");
        int sweep = index(r -> r.get("magic").asText().equals("memit")
                && r.get("metric").get("unit").asText().equals("bytes/op"));
        assertThat(problems(sweep, r -> r.put("peakBytes", 8)))
                .containsExactly(
                        "/results/" + sweep
                                + " additionalProperties: property 'peakBytes' is not defined in the schema and the schema does not allow additional properties");
        // asked for cpu samples (which may run as itimer), not allocations
        int flame = index(r -> r.get("magic").asText().equals("flame"));
        assertThat(problems(flame, r -> r.put("event", "alloc")))
                .containsExactly("/results/" + flame
                        + "/event enum: does not have a value in the enumeration [\"cpu\", \"itimer\"]");
        int compare = index(r -> r.get("magic").asText().equals("compare"));
        assertThat(problems(compare, r -> ((ObjectNode) r.get("params")).remove("position")))
                .containsExactly("/results/" + compare + "/params required: required property 'position' not found");
    }

    private static int index(Predicate<JsonNode> which) {
        for (int i = 0; i < export.get("results").size(); i++)
            if (which.test(export.get("results").get(i))) return i;
        throw new AssertionError("no such result in the export");
    }

    private static List<String> problems(int index, Consumer<ObjectNode> change) {
        JsonNode copy = export.deepCopy();
        change.accept((ObjectNode) copy.get("results").get(index));
        return ResultsSchema.problems(copy);
    }

    @Test
    void aRunInSeveralEnginesIsValid(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.json");
        ScriptRun run = ScriptRun.file(
                dir,
                String.join(
                        "\n",
                        "%timeit -q -r 3 -n 1000 Math.sqrt(2.0)",
                        "%time Math.sqrt(2.0)",
                        "%memit -q new byte[1024]",
                        "%sizeof new int[4]",
                        ""),
                List.of(),
                "--forks",
                "2",
                "--quiet",
                "--json",
                out.toString());
        assertThat(run.exitCode).as(run.toString()).isZero();
        JsonNode export = ResultsSchema.read(out);
        assertThat(export.get("forks").asInt()).isEqualTo(2);
        assertThat(export.get("results"))
                .hasSize(4)
                .allSatisfy(
                        result -> assertThat(result.get("metric").get("forks")).hasSize(2));

        ResultsSchema.assertValid(export, "perfshell run --forks 2 --json");
    }
}
