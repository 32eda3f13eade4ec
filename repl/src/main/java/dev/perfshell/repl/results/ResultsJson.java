package dev.perfshell.repl.results;

import static dev.perfshell.repl.results.JsonValues.number;
import static dev.perfshell.repl.results.JsonValues.numbers;
import static dev.perfshell.repl.results.JsonValues.strings;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfshell.repl.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The results export, schema {@value #SCHEMA} (documented in docs/results.md; machine-checkable in docs/results-schema.json):
 * {@code {"schema", "tool", "environment", "results": [...]}}. Every value is in ns or bytes, never
 * scaled; a figure that does not exist (NaN: no confidence interval for ≤ 2 runs, unknown allocation) is
 * {@code null}. Decimals are written in plain notation with the fewest digits that read back to the same
 * double. Fields are written in a fixed order, so files diff well.
 */
public final class ResultsJson {
    public static final String SCHEMA = "perfshell-results/1";

    private static final JsonNodeFactory NODES = JsonValues.NODES;
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final DefaultPrettyPrinter PRETTY = new Pretty();

    private ResultsJson() {}

    /**
     * Two-space indentation, one value per line, {@code "name": value}, and {@code []} / {@code {}} when empty
     * (the layout of Python's {@code json.dumps(indent=2)}), with {@code \n} line ends on every OS.
     */
    private static final class Pretty extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;

        Pretty() {
            super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
        }

        Pretty(Pretty base) {
            super(base);
        }

        @Override
        public Pretty createInstance() {
            return new Pretty(this);
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (nrOfValues > 0) {
                super.writeEndArray(g, nrOfValues);
            } else {
                if (!_arrayIndenter.isInline()) _nesting--;
                g.writeRaw(']');
            }
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            if (nrOfEntries > 0) {
                super.writeEndObject(g, nrOfEntries);
            } else {
                if (!_objectIndenter.isInline()) _nesting--;
                g.writeRaw('}');
            }
        }
    }

    /** The whole document, pretty-printed, ending with a newline. */
    public static String render(Tool tool, ResultsEnvironment environment, List<ResultRecord> results) {
        return render(tool, environment, results, 1);
    }

    /** @param forks how many engines ran the script ({@code perfshell run --forks}); written when more than one */
    public static String render(Tool tool, ResultsEnvironment environment, List<ResultRecord> results, int forks) {
        ObjectNode root = NODES.objectNode();
        root.put("schema", SCHEMA);
        if (forks > 1) root.put("forks", forks);
        ObjectNode toolNode = root.putObject("tool");
        toolNode.put("name", tool.name());
        toolNode.put("version", tool.version());
        root.set("environment", environment(environment));
        ArrayNode array = root.putArray("results");
        for (ResultRecord record : results) array.add(record(record));
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the document atomically (see {@link AtomicFiles}). */
    public static void write(
            Path target, Tool tool, ResultsEnvironment environment, List<ResultRecord> results, boolean overwrite)
            throws IOException {
        write(target, tool, environment, results, 1, overwrite);
    }

    /** Writes the document of a run in {@code forks} engines atomically. */
    public static void write(
            Path target,
            Tool tool,
            ResultsEnvironment environment,
            List<ResultRecord> results,
            int forks,
            boolean overwrite)
            throws IOException {
        AtomicFiles.write(
                target, render(tool, environment, results, forks).getBytes(StandardCharsets.UTF_8), overwrite);
    }

    private static ObjectNode environment(ResultsEnvironment env) {
        ObjectNode node = NODES.objectNode();
        node.put("javaVersion", env.javaVersion());
        node.put("vmName", env.vmName());
        node.put("vmVersion", env.vmVersion());
        node.set("engineJvmArguments", strings(env.engineJvmArguments()));
        node.set("gc", strings(env.gc()));
        node.put("maxHeapBytes", env.maxHeapBytes());
        node.put("os", env.os());
        node.put("cpuModel", env.cpuModel());
        node.put("cpus", env.cpus());
        return node;
    }

    /** One result as the export writes it (schema perfshell-results/1). */
    public static ObjectNode record(ResultRecord record) {
        ObjectNode node = NODES.objectNode();
        node.put("magic", record.magic());
        node.put("label", record.label());
        node.put("source", record.source());
        ObjectNode params = node.putObject("params");
        for (Map.Entry<String, Object> param : record.params().entrySet())
            params.set(param.getKey(), JsonValues.value(param.getValue()));
        node.put("script", record.script());
        node.put("line", record.line());
        node.set("warnings", strings(record.warnings()));
        node.set("metric", metric(record.metric()));
        if (record.details() != null) record.details().writeJson(node);
        if (record.complexity() != null) node.set("complexity", complexity(record.complexity()));
        return node;
    }

    private static ObjectNode complexity(SweepFit sweep) {
        dev.perfshell.timing.ComplexityFit fit = sweep.fit();
        ObjectNode node = NODES.objectNode();
        node.put("parameter", sweep.parameter());
        ArrayNode values = node.putArray("values");
        sweep.values().forEach(values::add);
        node.set(
                "measured",
                numbers(sweep.measured().stream()
                        .mapToDouble(Double::doubleValue)
                        .toArray()));
        node.put("unit", sweep.unit());
        node.put(
                "verdict",
                switch (fit.verdict()) {
                    case FIT -> "fit";
                    case NO_CLEAR_FIT -> "no clear fit";
                    case NO_FIT -> "no fit";
                });
        node.put("class", sweep.complexityLabel());
        node.put("runnerUp", fit.runnerUp() == null ? null : fit.runnerUp().label(sweep.parameter()));
        node.set("exponent", number(fit.exponent()));
        node.set("rSquared", number(fit.rSquared()));
        node.put("reason", fit.reason().isEmpty() ? null : fit.reason());
        return node;
    }

    private static ObjectNode metric(Metric metric) {
        ObjectNode node = NODES.objectNode();
        node.put("name", metric.name());
        node.put("unit", metric.unit());
        node.put("direction", metric.direction().json());
        node.set("samples", numbers(metric.samples()));
        node.set("center", number(metric.center()));
        node.set("ciLow", number(metric.ciLow()));
        node.set("ciHigh", number(metric.ciHigh()));
        if (!metric.forks().isEmpty()) {
            ArrayNode forks = node.putArray("forks");
            for (Metric.EngineSamples engine : metric.forks()) {
                ObjectNode item = forks.addObject();
                item.set("samples", numbers(engine.samples()));
                item.set("center", number(engine.center()));
            }
        }
        return node;
    }
}
