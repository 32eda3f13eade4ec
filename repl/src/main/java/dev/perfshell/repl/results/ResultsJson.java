package dev.perfshell.repl.results;

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
import dev.perfshell.timing.RunStatistics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
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

    private static ObjectNode record(ResultRecord record) {
        ObjectNode node = NODES.objectNode();
        node.put("magic", record.magic());
        node.put("label", record.label());
        node.put("source", record.source());
        ObjectNode params = node.putObject("params");
        for (Map.Entry<String, Object> param : record.params().entrySet())
            params.set(param.getKey(), value(param.getValue()));
        node.put("script", record.script());
        node.put("line", record.line());
        node.set("warnings", strings(record.warnings()));
        node.set("metric", metric(record.metric()));
        if (record.details() instanceof ResultRecord.TimeitDetails timeit) {
            timeit(node, timeit);
        } else if (record.details() instanceof ResultRecord.TimeDetails time) {
            time(node, time);
        } else if (record.details() instanceof ResultRecord.MemitDetails memit) {
            memit(node, memit);
        } else if (record.details() instanceof ResultRecord.SizeofDetails sizeof) {
            sizeof(node, sizeof);
        } else if (record.details() instanceof ResultRecord.PrunDetails prun) {
            prun(node, prun);
        } else if (record.details() instanceof ResultRecord.LinesDetails lines) {
            lines(node, lines.profile());
        } else if (record.details() instanceof ResultRecord.FlameDetails flame) {
            flame(node, flame);
        } else if (record.details() instanceof ResultRecord.JmhDetails jmh) {
            node.putArray("jmh").add(jmh.json().deepCopy());
        }
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

    private static void timeit(ObjectNode node, ResultRecord.TimeitDetails timeit) {
        RunStatistics stats = timeit.stats();
        node.put("loops", timeit.loops());
        node.put("runs", stats.runs());
        ObjectNode perOp = node.putObject("perOpNanos");
        perOp.set("mean", number(stats.mean()));
        perOp.set("median", number(stats.median()));
        perOp.set("stdev", number(stats.stdev()));
        perOp.set("mad", number(stats.mad()));
        perOp.set("min", number(stats.min()));
        perOp.set("max", number(stats.max()));
        perOp.set("ciLow", number(stats.ciLow()));
        perOp.set("ciHigh", number(stats.ciHigh()));
        perOp.set("ciLevel", number(stats.ciLevel()));
        node.set("runsPerOpNanos", numbers(timeit.runsPerOpNanos()));
        // Runs the figures leave out (a heap-growing finding with leftOut says why); the metric's samples exclude them.
        node.set("runsLeftOutPerOpNanos", numbers(timeit.runsLeftOutPerOpNanos()));
        node.set("allocatedBytesPerOp", number(timeit.allocatedBytesPerOp()));
        ArrayNode findings = node.putArray("findings");
        for (dev.perfshell.timing.Finding finding : timeit.findings()) {
            ObjectNode one = findings.addObject();
            one.put("kind", finding.kind().id());
            finding.facts().forEach((name, value) -> one.set(name, value(value)));
        }
    }

    private static void time(ObjectNode node, ResultRecord.TimeDetails time) {
        node.put("wallNanos", time.wallNanos());
        node.put("userNanos", time.userNanos());
        node.put("systemNanos", time.systemNanos());
        node.put("processCpuNanos", time.processCpuNanos());
        node.put("gcCount", time.gcCount());
        node.put("gcTimeNanos", time.gcTimeNanos());
        node.put("compileNanos", time.compileNanos());
    }

    private static void memit(ObjectNode node, ResultRecord.MemitDetails memit) {
        node.put("peakBytes", memit.peakBytes());
        node.put("incrementBytes", memit.incrementBytes());
        node.put("allocatedBytes", memit.allocatedBytes());
        node.set("allocatedBytesPerOp", number(memit.allocatedBytesPerOp()));
        node.put("ops", memit.ops());
        node.put("retainedBytes", memit.retainedBytes());
        node.put("gcCount", memit.gcCount());
        node.put("gcTimeNanos", memit.gcTimeNanos());
        node.set("peakRssBytes", memit.peakRssBytes() < 0 ? NODES.nullNode() : NODES.numberNode(memit.peakRssBytes()));
        node.set(
                "rssIncrementBytes",
                memit.peakRssBytes() < 0 ? NODES.nullNode() : NODES.numberNode(memit.rssIncrementBytes()));
        node.set("valueBytes", memit.valueBytes() == null ? NODES.nullNode() : NODES.numberNode(memit.valueBytes()));
    }

    private static void sizeof(ObjectNode node, ResultRecord.SizeofDetails sizeof) {
        node.put("rootClass", sizeof.rootClass());
        node.put("totalBytes", sizeof.totalBytes());
        node.put("objects", sizeof.objects());
        ArrayNode classes = node.putArray("classes");
        for (ResultRecord.ClassBytes row : sizeof.classes()) {
            ObjectNode item = classes.addObject();
            item.put("class", row.className());
            item.put("count", row.count());
            item.put("bytes", row.bytes());
        }
    }

    private static void prun(ObjectNode node, ResultRecord.PrunDetails prun) {
        node.put("totalNanos", prun.totalNanos());
        node.put("subtractedNanosPerCall", prun.subtractedNanosPerCall());
        node.put("timed", prun.timed());
        node.put("threads", prun.threads());
        node.put("partial", prun.partial());
        node.put("methodCount", prun.methodCount());
        node.put("mode", prun.mode());
        node.put("samples", prun.samples());
        node.put("probeSamples", prun.probeSamples());
        node.put("repeats", prun.repeats());
        ArrayNode methods = node.putArray("methods");
        for (dev.perfshell.repl.profile.Profile.MethodStats row : prun.methods()) {
            ObjectNode item = methods.addObject();
            item.put("method", row.method());
            item.put("location", row.location());
            item.put("boundary", row.boundary());
            item.put("calls", row.calls());
            item.put("primitiveCalls", row.primitiveCalls());
            item.put("selfNanos", row.selfNanos());
            item.put("cumulativeNanos", row.cumulativeNanos());
            if (row.selfSamples() >= 0) {
                item.put("selfSamples", row.selfSamples());
                item.put("totalSamples", row.totalSamples());
            }
        }
    }

    private static void flame(ObjectNode node, ResultRecord.FlameDetails flame) {
        node.put("event", flame.event());
        node.put("backend", flame.backend());
        node.put("samples", flame.samples());
        node.put("ops", flame.ops());
        ArrayNode top = node.putArray("top");
        for (dev.perfshell.repl.flame.FlatProfile.Row row : flame.top()) {
            ObjectNode item = top.addObject();
            item.put("method", row.method());
            item.put("selfSamples", row.selfSamples());
            item.put("totalSamples", row.totalSamples());
        }
        node.put("html", flame.html());
        if (!flame.threads().isEmpty()) {
            ArrayNode threads = node.putArray("threads");
            for (dev.perfshell.repl.flame.FoldedStacks.ThreadSamples thread : flame.threads()) {
                threads.addObject().put("thread", thread.thread()).put("samples", thread.samples());
            }
        }
        node.put("jfr", flame.jfr());
    }

    private static void lines(ObjectNode node, dev.perfshell.repl.lines.LineProfile profile) {
        boolean bytes = profile.kind() == dev.perfshell.repl.lines.LineProfile.Kind.BYTES;
        ArrayNode methods = node.putArray("methods");
        for (dev.perfshell.repl.lines.LineProfile.MethodLines m : profile.methods()) {
            ObjectNode item = methods.addObject();
            item.put("method", m.method());
            item.put("location", m.location());
            item.put(bytes ? "totalBytes" : "totalNanos", m.total());
            ArrayNode lines = item.putArray("lines");
            for (dev.perfshell.repl.lines.LineProfile.Line line : m.lines()) {
                ObjectNode l = lines.addObject();
                l.put("line", line.number());
                l.put("hits", line.hits());
                l.put(bytes ? "bytes" : "nanos", line.value());
                l.put("source", line.text());
            }
        }
    }

    private static ArrayNode strings(List<String> values) {
        if (values == null) return null;
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ArrayNode numbers(double[] values) {
        ArrayNode array = NODES.arrayNode();
        for (double value : values) array.add(number(value));
        return array;
    }

    private static com.fasterxml.jackson.databind.JsonNode value(Object value) {
        if (value == null) return NODES.nullNode();
        if (value instanceof Double || value instanceof Float) return number(((Number) value).doubleValue());
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Boolean b) return NODES.booleanNode(b);
        return NODES.textNode(value.toString());
    }

    /**
     * A double in plain notation with the shortest digits that read back to it ({@link Double#toString}'s),
     * at least one decimal ({@code 5.0}, {@code 12345678.9}, {@code 0.00001}); {@code null} for NaN or infinity.
     */
    static com.fasterxml.jackson.databind.JsonNode number(double value) {
        if (!Double.isFinite(value)) return NODES.nullNode();
        BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        if (decimal.scale() < 1) decimal = decimal.setScale(1);
        return NODES.numberNode(decimal);
    }
}
