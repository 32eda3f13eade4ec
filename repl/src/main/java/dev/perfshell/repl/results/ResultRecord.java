package dev.perfshell.repl.results;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One magic result in the session's {@link ResultsStore}, as exported in schema {@code perfshell-results/1}.
 *
 * @param magic    the magic's name without {@code %}, e.g. {@code timeit}
 * @param label    the user's name for the result ({@code --label}), or {@code null}
 * @param source   the measured code as typed
 * @param params   what shaped the measurement besides the code (setup, options given), in order;
 *                 values are strings, numbers or booleans
 * @param script   the script file relative to the run script's folder, {@code "<stdin>"}, or {@code null}
 *                 when typed interactively (see {@link ResultOrigin})
 * @param line     the input's first line in the script, or its history number when typed interactively
 * @param warnings the warning lines printed with the result
 * @param metric   the common measurement block
 * @param details  the magic's own figures, or {@code null}
 * @param complexity the fitted complexity on the last result of a parameter sweep, else {@code null}
 */
public record ResultRecord(
        String magic,
        String label,
        String source,
        Map<String, Object> params,
        String script,
        int line,
        List<String> warnings,
        Metric metric,
        Details details,
        SweepFit complexity) {

    /** A result that is not the last of a parameter sweep: no fitted complexity. */
    public ResultRecord(
            String magic,
            String label,
            String source,
            Map<String, Object> params,
            String script,
            int line,
            List<String> warnings,
            Metric metric,
            Details details) {
        this(magic, label, source, params, script, line, warnings, metric, details, null);
    }

    /** This result with one more param, e.g. a sweep's {@code param.n} (after the others). */
    public ResultRecord withParam(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(params);
        more.put(key, value);
        return new ResultRecord(magic, label, source, more, script, line, warnings, metric, details, complexity);
    }

    /** This result with other details of its magic (e.g. with the runs a %timeit left out). */
    public ResultRecord withDetails(Details other) {
        return new ResultRecord(magic, label, source, params, script, line, warnings, metric, other, complexity);
    }

    /** This result carrying a sweep's fitted complexity (the sweep's last result). */
    public ResultRecord withComplexity(SweepFit fit) {
        return new ResultRecord(magic, label, source, params, script, line, warnings, metric, details, fit);
    }

    /**
     * A magic's own figures, exported next to the common fields. Each magic's package defines its own (the
     * results package knows none of them), and writes it into the export in schema {@code perfshell-results/1}'s
     * shape for that magic (docs/results-schema.json).
     */
    public interface Details {
        /** Adds this magic's fields to {@code result}, the result's object in the export (after the common fields). */
        void writeJson(com.fasterxml.jackson.databind.node.ObjectNode result);

        /** Bytes allocated per operation where the magic measured them, else NaN: a column of {@code %results}. */
        default double allocatedBytesPerOp() {
            return Double.NaN;
        }
    }

    public ResultRecord {
        Objects.requireNonNull(magic, "magic");
        Objects.requireNonNull(metric, "metric");
        source = source == null ? "" : source;
        label = label == null || label.isEmpty() ? null : label;
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Where the result's input came from. */
    public ResultOrigin origin() {
        return new ResultOrigin(script, line);
    }
}
