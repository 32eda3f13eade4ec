package dev.perfshell.repl.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import dev.perfshell.repl.timeit.TimeitDetails;
import dev.perfshell.timing.TimeitReport;
import dev.perfshell.timing.runtime.TimeitPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/results-schema.json} against the checked-in exports, the writer's own output, and broken documents it
 * must reject (each with the exact problems expected, so a schema that accepts everything fails here). Fresh exports
 * of every magic from real engines: {@code ResultsSchemaScriptTest}.
 */
class ResultsSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSchemaIsAValidDraft2020_12Schema() {
        JsonNode schema = ResultsSchema.document();
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        // the meta-schema ships with the validator: no network
        Schema meta =
                ResultsSchema.REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        assertThat(meta.validate(schema)).extracting(ResultsSchema::describe).isEmpty();
        // The kinds of result it knows are the magics the writer records.
        assertThat(schema.at("/$defs/result/properties/magic/enum"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrder(
                        "timeit", "why", "time", "prun", "lprun", "mprun", "memit", "sizeof", "flame", "jmh",
                        "compare");
    }

    @Test
    void theGoldenExportIsValid() {
        ResultsSchema.assertValid(
                ResultsSchema.read(Path.of("src/test/resources/golden/results.json")), "golden/results.json");
    }

    /**
     * Every checked-in {@code perfshell-results/1} file. The golden export is the writer's output and must satisfy the
     * whole schema. The {@code compare/} fixtures are written by hand for {@code perfshell compare}, which reads only the
     * envelope: they leave out each magic's own fields, leave intervals null and, on purpose, give a result a metric its
     * magic never has (a unit changed between runs); they must satisfy the envelope.
     */
    @Test
    void everyCheckedInResultsFileIsValid() throws IOException {
        Path resources = Path.of("src/test/resources");
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode json = ResultsSchema.read(file);
                if (!json.path("schema").asText().equals(ResultsJson.SCHEMA)) continue;
                found.add(resources.relativize(file));
                if (file.startsWith(resources.resolve("golden"))) {
                    ResultsSchema.assertValid(json, file.toString());
                } else {
                    assertThat(ResultsSchema.validateEnvelope(json))
                            .extracting(ResultsSchema::describe)
                            .as(file.toString())
                            .isEmpty();
                }
            }
        }
        assertThat(found)
                .map(Path::toString)
                .contains(
                        "golden/results.json",
                        "compare/base.json",
                        "compare/new.json",
                        "compare/forked-base.json",
                        "compare/forked-new.json",
                        "compare/throughput-base.json",
                        "compare/throughput-new.json");
    }

    /** What the writer makes of fixed records: one engine, several engines, a sweep's fit, an unknown environment. */
    @Test
    void theWritersOwnOutputIsValid() throws IOException {
        List<ResultRecord> engine1 = ResultsJsonTest.fixedStore().all();
        ResultsSchema.assertValid(
                JSON.readTree(ResultsJson.render(ResultsJsonTest.TOOL, ResultsJsonTest.ENVIRONMENT, engine1)),
                "fixed store");

        List<ResultRecord> engine2 = List.of(
                TestRecords.withSamples(engine1.get(0), 3.0, 3.1, 2.9, 3.0, 3.05), engine1.get(1), engine1.get(2));
        List<ResultRecord> engine3 =
                List.of(TestRecords.withSamples(engine1.get(0), 2.6, 2.5, 2.7, 2.6, 2.65), engine1.get(1));
        List<ResultRecord> merged = ForkMerge.merge(List.of(engine1, engine2, engine3));
        ResultsSchema.assertValid(
                JSON.readTree(ResultsJson.render(ResultsJsonTest.TOOL, ResultsJsonTest.ENVIRONMENT, merged, 3)),
                "three engines");

        List<ResultRecord> sweep = new ArrayList<>();
        long[] ns = {1_000, 10_000, 100_000, 1_000_000};
        List<Double> medians = new ArrayList<>();
        for (long n : ns) {
            TimeitReport report = TimeitReport.of(
                    "", "linear(n)", 100, new double[] {n + 50, n + 51, n + 49}, Double.NaN, 0, 1, true, List.of());
            medians.add(report.stats().median());
            sweep.add(TimeitDetails.record(
                            report, "", new TimeitPlan(0, 3, 0, 0, 0, 1), false, new ResultOrigin("s.jsh", 3))
                    .withParam("param.n", n));
        }
        sweep.set(
                3,
                sweep.get(3)
                        .withComplexity(
                                SweepFit.of("n", List.of(1_000L, 10_000L, 100_000L, 1_000_000L), medians, "ns/op")));
        ResultsSchema.assertValid(
                JSON.readTree(ResultsJson.render(ResultsJsonTest.TOOL, ResultsJsonTest.ENVIRONMENT, sweep)), "sweep");

        ResultsSchema.assertValid(
                JSON.readTree(ResultsJson.render(ResultsJsonTest.TOOL, ResultsEnvironment.unknown(), List.of())),
                "no results, unknown environment");
    }

    // The broken documents: the golden export (results 0 and 1 %timeit, 1 with two runs and two findings; 2 %time),
    // changed in one place each.

    @Test
    void aMissingRequiredFieldIsRejectedWhereItIsMissing() {
        assertThat(problems(doc -> result(doc, 0).with("metric").remove("center")))
                .containsExactly("/results/0/metric required: required property 'center' not found");
        assertThat(problems(doc -> result(doc, 2).remove("wallNanos")))
                .containsExactly("/results/2 required: required property 'wallNanos' not found");
        assertThat(problems(doc -> ((ObjectNode) doc).remove("environment")))
                .containsExactly(" required: required property 'environment' not found");
        assertThat(problems(doc ->
                        ((ObjectNode) result(doc, 1).withArray("findings").get(1)).remove("collections")))
                .containsExactly("/results/1/findings/1 required: required property 'collections' not found");
    }

    @Test
    void aWrongTypeIsRejected() {
        assertThat(problems(doc -> result(doc, 2).put("wallNanos", "12345678")))
                .containsExactly("/results/2/wallNanos type: string found, integer expected");
        assertThat(problems(doc -> result(doc, 2).put("gcCount", 1.5)))
                .containsExactly("/results/2/gcCount type: number found, integer expected");
        // NaN is written as null: null is no number where a number is promised
        assertThat(problems(doc -> result(doc, 0).with("metric").putNull("center")))
                .containsExactly("/results/0/metric/center type: null found, number expected");
        assertThat(problems(doc -> result(doc, 0).put("warnings", "busy")))
                .containsExactly("/results/0/warnings type: string found, array expected");
    }

    @Test
    void anUnknownKindOrVocabularyIsRejected() {
        assertThat(problems(doc -> result(doc, 2).put("magic", "hyperfine")))
                .singleElement()
                .asString()
                .startsWith("/results/2/magic enum: does not have a value in the enumeration");
        // not a unit of any result, nor %timeit's
        assertThat(problems(doc -> result(doc, 0).with("metric").put("unit", "ms")))
                .containsExactly(
                        "/results/0/metric/unit enum: does not have a value in the enumeration [\"ns/op\", \"ns\", \"bytes\", \"bytes/op\", \"ops/s\"]",
                        "/results/0/metric/unit const: must be the constant value 'ns/op'");
        assertThat(problems(doc ->
                        ((ObjectNode) result(doc, 1).withArray("findings").get(0)).put("kind", "cosmic-rays")))
                .singleElement()
                .asString()
                .startsWith("/results/1/findings/0/kind enum: does not have a value in the enumeration");
        assertThat(problems(doc -> result(doc, 0).with("metric").put("direction", "up")))
                .containsExactly(
                        "/results/0/metric/direction enum: does not have a value in the enumeration [\"lower\", \"higher\"]",
                        "/results/0/metric/direction const: must be the constant value 'lower'");
    }

    @Test
    void aFieldThatIsNotTheWritersIsRejected() {
        assertThat(problems(doc -> result(doc, 0).put("note", "hand-edited")))
                .containsExactly(
                        "/results/0 additionalProperties: property 'note' is not defined in the schema and the schema does not allow additional properties");
        // another magic's field: %time has no loops
        assertThat(problems(doc -> result(doc, 2).put("loops", 5)))
                .containsExactly(
                        "/results/2 additionalProperties: property 'loops' is not defined in the schema and the schema does not allow additional properties");
        assertThat(problems(doc -> result(doc, 2).with("params").put("runs", 5)))
                .containsExactly("/results/2/params maxProperties: must have at most 0 properties");
        assertThat(problems(doc -> ((ObjectNode) doc.get("environment")).put("hostname", "box")))
                .containsExactly(
                        "/environment additionalProperties: property 'hostname' is not defined in the schema and the schema does not allow additional properties");
    }

    @Test
    void figuresThatTheWriterCannotProduceTogetherAreRejected() {
        // %time's metric is the wall time in ns, not a time per operation
        assertThat(problems(doc -> result(doc, 2).with("metric").put("unit", "ns/op")))
                .containsExactly("/results/2/metric/unit const: must be the constant value 'ns'");
        // two runs have no confidence interval
        assertThat(problems(doc -> result(doc, 1).with("perOpNanos").put("ciLow", 1.0)))
                .containsExactly("/results/1/perOpNanos/ciLow type: number found, null expected");
        // negative times and counts
        assertThat(problems(doc -> result(doc, 2).put("userNanos", -1)))
                .containsExactly("/results/2/userNanos minimum: must have a minimum value of 0");
        assertThat(problems(doc ->
                        result(doc, 0).with("metric").withArray("samples").set(0, -2.34)))
                .containsExactly("/results/0/metric/samples/0 minimum: must have a minimum value of 0");
        // a run in several engines: every metric has each engine's samples
        assertThat(problems(doc -> ((ObjectNode) doc).put("forks", 2)))
                .containsExactly(
                        "/results/0/metric required: required property 'forks' not found",
                        "/results/1/metric required: required property 'forks' not found",
                        "/results/2/metric required: required property 'forks' not found");
        // ... and one engine has none
        assertThat(problems(doc -> {
                    ObjectNode fork =
                            result(doc, 2).with("metric").putArray("forks").addObject();
                    fork.putArray("samples").add(12345678.0);
                    fork.put("center", 12345678.0);
                }))
                .singleElement()
                .asString()
                .startsWith("/results/2/metric not:");
    }

    private static List<String> problems(Consumer<JsonNode> change) {
        JsonNode doc = ResultsSchema.read(Path.of("src/test/resources/golden/results.json"));
        assertThat(ResultsSchema.validate(doc))
                .as("the golden export before the change")
                .isEmpty();
        change.accept(doc);
        List<Error> errors = ResultsSchema.validate(doc);
        return errors.stream().map(ResultsSchema::describe).toList();
    }

    private static ObjectNode result(JsonNode doc, int index) {
        return (ObjectNode) ((ArrayNode) doc.get("results")).get(index);
    }
}
