package dev.perfshell.repl.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code docs/results-schema.json}, the JSON Schema (2020-12) of the results export {@code perfshell-results/1}, read
 * from the repository (found upwards from the working directory: the module folder under Maven) and applied with
 * networknt's validator. One problem reads {@code /results/0/metric/center required: …}: the JSON Pointer of the value,
 * the keyword that failed, the validator's message.
 */
public final class ResultsSchema {
    public static final String FILE = "docs/results-schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** English messages whatever the machine's locale, and values named by JSON Pointer: tests compare them as text. */
    public static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .locale(Locale.ENGLISH)
                    .pathType(PathType.JSON_POINTER)
                    .build()));

    private static Schema full;
    private static Schema envelope;

    private ResultsSchema() {}

    /** The schema file: {@value #FILE} under the first folder upwards from here that has it. */
    public static Path file() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(FILE);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException("no " + FILE + " in " + Path.of("").toAbsolutePath() + " or a folder above it");
    }

    /** The schema document as written. */
    public static JsonNode document() {
        try {
            return JSON.readTree(file().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way {@code export} breaks the schema; empty when it is valid. */
    public static synchronized List<Error> validate(JsonNode export) {
        if (full == null) full = REGISTRY.getSchema(document());
        return full.validate(export);
    }

    /**
     * Every way {@code export} breaks the schema's envelope: the schema without its per-magic rules (each magic's own
     * fields and the metric's name and unit for it) and without the rules that tie a forked run's metrics together.
     * What is left is what a reader of any result relies on, and all that {@code perfshell compare} reads: the top
     * level, {@code tool}, {@code environment}, every result's common fields and its {@code metric} block.
     */
    public static synchronized List<Error> validateEnvelope(JsonNode export) {
        if (envelope == null) {
            ObjectNode schema = (ObjectNode) document();
            schema.remove(List.of("if", "then", "else"));
            ((ObjectNode) schema.get("$defs").get("result")).remove("allOf");
            envelope = REGISTRY.getSchema(schema);
        }
        return envelope.validate(export);
    }

    /** A problem on one line: where, the keyword, the message. */
    public static String describe(Error error) {
        return error.getInstanceLocation() + " " + error.getKeyword() + ": " + error.getMessage();
    }

    /** The problems, one line each. */
    public static List<String> problems(JsonNode export) {
        return validate(export).stream().map(ResultsSchema::describe).toList();
    }

    /** Fails with every problem of {@code export} listed, naming it as {@code what}. */
    public static void assertValid(JsonNode export, String what) {
        String json = export.toPrettyString();
        assertThat(problems(export))
                .as(
                        "%s against %s:%n%s",
                        what, FILE, json.length() <= 20_000 ? json : json.substring(0, 20_000) + "\n…")
                .isEmpty();
    }

    /** Reads a JSON file. */
    public static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
