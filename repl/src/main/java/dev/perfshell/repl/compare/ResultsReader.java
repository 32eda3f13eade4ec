package dev.perfshell.repl.compare;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.perfshell.repl.results.Metric.Direction;
import dev.perfshell.repl.results.ResultsJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a results file with Jackson's tree model, taking only the top-level {@code schema},
 * {@code environment} and {@code forks}, and per result {@code magic}, {@code label}, {@code source},
 * {@code params} and the {@code metric} block. Every other field is ignored, so the reader works for
 * every magic, present and future. Anything it cannot use is a {@link CompareException} whose message
 * names the file and the JSON path of the culprit.
 */
public final class ResultsReader {
    /** The environment facts compared between two files, in the schema's order. */
    static final List<String> ENVIRONMENT_FIELDS =
            List.of("javaVersion", "vmName", "vmVersion", "gc", "maxHeapBytes", "os", "cpuModel", "cpus");

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Two "center"s in one metric: Jackson kept the last in silence, so which one compare used depended on
            // order.
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String name;

    private ResultsReader(String name) {
        this.name = name;
    }

    /** Reads {@code path}; {@code name} is how messages and output call the file (as the user typed it). */
    public static ResultsFile read(Path path, String name) throws CompareException {
        return new ResultsReader(name).read(path);
    }

    /** Parses a document already in memory (tests, and the file's bytes once read). */
    public static ResultsFile parse(String json, String name) throws CompareException {
        return new ResultsReader(name).parse(json);
    }

    private ResultsFile read(Path path) throws CompareException {
        if (Files.isDirectory(path)) throw problem("is a folder, not a results file");
        if (!Files.exists(path)) throw problem("no such file. Next: check the path");
        String json;
        try {
            json = Files.readString(path, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw problem("not UTF-8 text (JSON files are UTF-8; Java said only \"" + e.getMessage() + "\")");
        } catch (IOException e) {
            throw problem("cannot read it (" + oneLine(String.valueOf(e.getMessage())) + ")");
        }
        return parse(json);
    }

    private ResultsFile parse(String json) throws CompareException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw problem("malformed JSON" + where + ": " + oneLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) throw problem("empty file, expected a JSON object");
        if (!root.isObject()) throw problem("expected a JSON object at the top, found " + describe(root));

        JsonNode schema = root.get("schema");
        if (schema == null || schema.isNull()) {
            throw problem(
                    "no \"schema\" field; expected \"" + ResultsJson.SCHEMA + "\" (is it a perfshell results file?)");
        }
        if (!schema.isTextual() || !schema.asText().equals(ResultsJson.SCHEMA)) {
            throw problem("unsupported schema " + schema + "; expected \"" + ResultsJson.SCHEMA + "\"");
        }
        int forks = forks(root.get("forks"));
        JsonNode environment = root.get("environment");
        if (environment != null && !environment.isNull() && !environment.isObject()) {
            throw problem("environment must be an object, found " + describe(environment));
        }
        JsonNode results = root.get("results");
        if (results == null || results.isNull()) throw problem("no \"results\" array");
        if (!results.isArray()) throw problem("results must be an array, found " + describe(results));
        if (results.isEmpty()) throw problem("no results (the \"results\" array is empty)");
        List<ResultsFile.Entry> entries = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) entries.add(entry(results.get(i), "results[" + i + "]"));
        return new ResultsFile(name, forks, environmentFacts(environment), jvmArguments(environment), entries);
    }

    private int forks(JsonNode node) throws CompareException {
        if (node == null || node.isNull()) return 1;
        // canConvertToInt first: asLong() keeps the low 64 bits of a bigger integer (2^64 + 3 read as 3 engines)
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.asInt() < 1) {
            throw problem("forks must be a whole number ≥ 1, found " + describe(node));
        }
        return node.asInt();
    }

    private ResultsFile.Entry entry(JsonNode node, String where) throws CompareException {
        if (!node.isObject()) throw problem(where + " must be an object, found " + describe(node));
        String magic = requiredText(node, "magic", where);
        String label = optionalText(node, "label", where);
        String source = optionalText(node, "source", where);
        JsonNode params = node.get("params");
        if (params != null && !params.isNull() && !params.isObject()) {
            throw problem(where + ".params must be an object, found " + describe(params));
        }
        String paramsKey = params == null || params.isNull() ? "{}" : canonical(params);
        JsonNode metric = node.get("metric");
        if (metric == null || metric.isNull()) throw problem(where + " has no \"metric\" block");
        if (!metric.isObject()) throw problem(where + ".metric must be an object, found " + describe(metric));
        return new ResultsFile.Entry(
                magic,
                label,
                source == null ? "" : source,
                paramsKey,
                metric(metric, where + ".metric"),
                warnings(node.get("warnings"), where + ".warnings"));
    }

    /** The warnings printed with a result; none when the file does not say. */
    private List<String> warnings(JsonNode node, String where) throws CompareException {
        if (node == null || node.isNull()) return List.of();
        if (!node.isArray()) throw problem(where + " must be an array of strings, found " + describe(node));
        List<String> warnings = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual())
                throw problem(where + "[" + i + "] must be a string, found " + describe(node.get(i)));
            warnings.add(node.get(i).asText());
        }
        return warnings;
    }

    private MetricBlock metric(JsonNode node, String where) throws CompareException {
        String metricName = requiredText(node, "name", where);
        String unit = requiredText(node, "unit", where);
        String direction = requiredText(node, "direction", where);
        Direction parsed = switch (direction) {
            case "lower" -> Direction.LOWER;
            case "higher" -> Direction.HIGHER;
            default -> throw problem(where + ".direction must be \"lower\" or \"higher\", found \"" + direction + "\"");
        };
        double[] samples = numbers(node.get("samples"), where + ".samples");
        double center = number(node.get("center"), where + ".center");
        List<MetricBlock.EngineRun> forks = new ArrayList<>();
        JsonNode forkArray = node.get("forks");
        if (forkArray != null && !forkArray.isNull()) {
            if (!forkArray.isArray()) throw problem(where + ".forks must be an array, found " + describe(forkArray));
            for (int i = 0; i < forkArray.size(); i++) {
                JsonNode fork = forkArray.get(i);
                String at = where + ".forks[" + i + "]";
                if (!fork.isObject()) throw problem(at + " must be an object, found " + describe(fork));
                forks.add(new MetricBlock.EngineRun(
                        numbers(fork.get("samples"), at + ".samples"), number(fork.get("center"), at + ".center")));
            }
        }
        return new MetricBlock(metricName, unit, parsed, samples, center, forks);
    }

    private double[] numbers(JsonNode node, String where) throws CompareException {
        if (node == null || node.isNull()) throw problem(where + " is missing; expected an array of numbers");
        if (!node.isArray()) throw problem(where + " must be an array of numbers, found " + describe(node));
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode item = node.get(i);
            if (!item.isNumber())
                throw problem(where + " must be an array of numbers, found " + describe(item) + " at [" + i + "]");
            values[i] = item.asDouble();
            if (!Double.isFinite(values[i])) throw problem(where + "[" + i + "] is a number beyond a double's range");
        }
        return values;
    }

    private double number(JsonNode node, String where) throws CompareException {
        if (node == null) throw problem(where + " is missing; expected a number");
        if (!node.isNumber()) throw problem(where + " must be a number, found " + describe(node));
        // 1e400 reads as Infinity: it printed as "9223372036854775807d…" and compared as "+∞%"
        if (!Double.isFinite(node.asDouble())) throw problem(where + " is a number beyond a double's range");
        return node.asDouble();
    }

    private String requiredText(JsonNode object, String field, String where) throws CompareException {
        String value = optionalText(object, field, where);
        if (value == null) throw problem(where + "." + field + " is missing; expected a string");
        return value;
    }

    private String optionalText(JsonNode object, String field, String where) throws CompareException {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) return null;
        if (!node.isTextual()) throw problem(where + "." + field + " must be a string, found " + describe(node));
        return node.asText();
    }

    /** Display values of the compared facts; lenient, since they only feed warnings. */
    private static Map<String, String> environmentFacts(JsonNode environment) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (String field : ENVIRONMENT_FIELDS) {
            JsonNode node = environment == null ? null : environment.get(field);
            facts.put(field, node == null || node.isNull() ? null : display(node));
        }
        return facts;
    }

    private List<String> jvmArguments(JsonNode environment) throws CompareException {
        JsonNode node = environment == null ? null : environment.get("engineJvmArguments");
        if (node == null || node.isNull()) return null;
        if (!node.isArray())
            throw problem("environment.engineJvmArguments must be an array of strings, found " + describe(node));
        List<String> arguments = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual())
                throw problem("environment.engineJvmArguments must be an array of strings, found " + describe(item));
            arguments.add(item.asText());
        }
        return arguments;
    }

    private static String display(JsonNode node) {
        if (node.isTextual()) return node.asText();
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(display(item)));
            return String.join(", ", items);
        }
        return node.toString();
    }

    /** JSON with every object's fields sorted, so {@code {"a":1,"b":2}} and {@code {"b":2,"a":1}} are one key. */
    static String canonical(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                sorted.put(field.getKey(), field.getValue());
            }
            StringBuilder out = new StringBuilder("{");
            for (Map.Entry<String, JsonNode> field : sorted.entrySet()) {
                if (out.length() > 1) out.append(',');
                out.append(MAPPER.getNodeFactory().textNode(field.getKey()))
                        .append(':')
                        .append(canonical(field.getValue()));
            }
            return out.append('}').toString();
        }
        if (node.isArray()) {
            StringBuilder out = new StringBuilder("[");
            for (JsonNode item : node) {
                if (out.length() > 1) out.append(',');
                out.append(canonical(item));
            }
            return out.append(']').toString();
        }
        return node.toString();
    }

    /** What a value is, for messages: {@code a string ("12")}, {@code an array}, {@code null}. */
    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case STRING -> "a string (" + abbreviate(node.toString()) + ")";
            case NUMBER -> "a number (" + node + ")";
            case BOOLEAN -> "a boolean (" + node + ")";
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "\u2026";
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** The problem on one line with the file's name and, unless it has its own, a next step. */
    private CompareException problem(String what) {
        if (what.contains("Next:")) return new CompareException(name + ": " + what);
        String next = what.startsWith("is a folder")
                ? "name the results file in it"
                : "write the file again with perfshell run --json or %results save (schema " + ResultsJson.SCHEMA + ")";
        return new CompareException(name + ": " + what + ". Next: " + next);
    }
}
