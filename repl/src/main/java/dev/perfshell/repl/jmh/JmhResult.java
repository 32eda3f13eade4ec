package dev.perfshell.repl.jmh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark result of JMH's JSON ({@code -rf json}): one per parameter combination.
 *
 * @param params    JMH's parameters of this result, in order
 * @param primary   the benchmark's score
 * @param secondary the profilers' metrics ({@code gc.alloc.rate.norm}, …), in JMH's order
 * @param json      JMH's own object for this result, unchanged, for the export
 */
public record JmhResult(
        String benchmark,
        String mode,
        int threads,
        Map<String, String> params,
        Score primary,
        List<Score> secondary,
        JsonNode json) {

    /**
     * A metric as JMH reports it.
     *
     * @param count    measurements behind the score (JMH's Cnt)
     * @param error    the 99.9% half-interval; NaN when JMH has none (one measurement)
     * @param perFork  each fork's iteration values, when JMH kept raw data
     */
    public record Score(
            String name,
            double score,
            double error,
            double low,
            double high,
            String unit,
            long count,
            List<double[]> perFork) {
        public Score {
            perFork = List.copyOf(perFork);
        }

        public double[] all() {
            return perFork.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Loads and warms the JSON reader while JMH runs (a thread of its own; the shell is idle then):
     * cold, the first read costs 0.2 s after the run, when the user is waiting for the table.
     */
    public static void prepareReader() {
        Thread warm = new Thread(
                () -> {
                    try {
                        of(JSON.readTree(
                                "{\"primaryMetric\": {\"rawData\": [[1.0]], \"scoreConfidence\": [1.0, 1.0]}}"));
                    } catch (IOException | RuntimeException ignored) {
                        // only a warm-up: the real read reports its own problems
                    }
                },
                "perfshell-jmh-json-warmup");
        warm.setDaemon(true);
        warm.start();
    }

    public static List<JmhResult> read(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        if (root == null || !root.isArray()) throw new IOException("JMH's result file is not a JSON array: " + file);
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode item : root) results.add(of(item));
        return results;
    }

    /** The results JMH wrote, or none when it wrote no file or an empty one (it writes only after a benchmark ran). */
    public static List<JmhResult> readIfWritten(Path file) throws IOException {
        return java.nio.file.Files.isRegularFile(file) && java.nio.file.Files.size(file) > 0 ? read(file) : List.of();
    }

    static JmhResult of(JsonNode item) {
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode paramsNode = item.path("params");
        for (Iterator<Map.Entry<String, JsonNode>> it = paramsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> param = it.next();
            params.put(param.getKey(), param.getValue().asText());
        }
        List<Score> secondary = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                        item.path("secondaryMetrics").fields();
                it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            // JMH before 1.35 prefixed secondary metrics with a middle dot.
            secondary.add(score(metric.getKey().replaceFirst("^\u00b7", ""), metric.getValue()));
        }
        return new JmhResult(
                item.path("benchmark").asText(),
                item.path("mode").asText(),
                item.path("threads").asInt(1),
                params,
                score("", item.path("primaryMetric")),
                secondary,
                item.deepCopy());
    }

    private static Score score(String name, JsonNode metric) {
        List<double[]> perFork = new ArrayList<>();
        for (JsonNode fork : metric.path("rawData")) {
            double[] values = new double[fork.size()];
            for (int i = 0; i < values.length; i++) values[i] = number(fork.get(i));
            perFork.add(values);
        }
        JsonNode confidence = metric.path("scoreConfidence");
        long count = perFork.stream().mapToLong(values -> values.length).sum();
        if (count == 0 && metric.has("rawDataHistogram")) {
            // Sample mode writes each iteration as a histogram of [value, count] bins instead of one score:
            // the iteration's score is the bins' weighted mean (as JMH's own score is the mean of all samples),
            // and the count is the samples'.
            for (JsonNode fork : metric.path("rawDataHistogram")) {
                double[] means = new double[fork.size()];
                for (int i = 0; i < means.length; i++) {
                    double sum = 0;
                    long samples = 0;
                    for (JsonNode bin : fork.get(i)) {
                        sum += number(bin.path(0)) * bin.path(1).asLong();
                        samples += bin.path(1).asLong();
                    }
                    means[i] = samples == 0 ? Double.NaN : sum / samples;
                    count += samples;
                }
                perFork.add(means);
            }
        }
        return new Score(
                name,
                number(metric.path("score")),
                number(metric.path("scoreError")),
                number(confidence.path(0)),
                number(confidence.path(1)),
                metric.path("scoreUnit").asText(),
                count,
                perFork);
    }

    /** JMH writes NaN as the string "NaN". */
    private static double number(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) return Double.NaN;
        if (node.isNumber()) return node.asDouble();
        try {
            return Double.parseDouble(node.asText());
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }

    /**
     * The results schema's unit for this score: {@code ns/op} for a time per operation,
     * {@code ops/s} for a throughput (the schema never scales: no us, no ms), else JMH's own.
     */
    public String canonicalUnit() {
        return toCanonical().unit();
    }

    /** A value in JMH's unit as a value in {@link #canonicalUnit()}. */
    public double canonical(double value) {
        return toCanonical().convert().applyAsDouble(value);
    }

    /** The schema's unit for JMH's, and how a value in JMH's unit becomes one in it. */
    private record Conversion(String unit, java.util.function.DoubleUnaryOperator convert) {}

    /** The one reading of JMH's unit behind both {@link #canonicalUnit()} and {@link #canonical(double)}. */
    private Conversion toCanonical() {
        String[] parts = primary.unit().split("/");
        if (parts.length == 2 && parts[1].equals("op") && !Double.isNaN(nanosIn(parts[0])))
            return new Conversion("ns/op", value -> value * nanosIn(parts[0]));
        if (parts.length == 2 && parts[0].equals("ops") && !Double.isNaN(nanosIn(parts[1])))
            return new Conversion("ops/s", value -> value * 1e9 / nanosIn(parts[1]));
        return new Conversion(primary.unit(), value -> value);
    }

    /** The score as nanoseconds per operation, or NaN when the unit is not a time per operation or a rate. */
    public double nanosPerOp() {
        String unit = primary.unit();
        String[] parts = unit.split("/");
        if (parts.length != 2) return Double.NaN;
        if (parts[1].equals("op")) {
            double scale = nanosIn(parts[0]);
            return primary.score() * scale;
        }
        if (parts[0].equals("ops")) {
            double scale = nanosIn(parts[1]);
            return primary.score() == 0 ? Double.NaN : scale / primary.score();
        }
        return Double.NaN;
    }

    private static double nanosIn(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> Double.NaN;
        };
    }
}
