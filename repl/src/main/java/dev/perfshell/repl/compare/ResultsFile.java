package dev.perfshell.repl.compare;

import java.util.List;
import java.util.Map;

/**
 * One {@code perfshell-results/1} file reduced to what {@code compare} reads: the environment facts and,
 * per result, its identity (magic, label, source, params) and metric block.
 *
 * @param name        the file as the user named it, for messages and headings
 * @param forks       engines per result ({@code --forks K}); 1 for a file without {@code forks}
 * @param environment display values of the environment facts by field name (null when absent), in schema order
 * @param jvmArguments the engine's JVM arguments as written, or null when the file does not say
 */
public record ResultsFile(
        String name, int forks, Map<String, String> environment, List<String> jvmArguments, List<Entry> results) {

    public ResultsFile {
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        jvmArguments = jvmArguments == null ? null : List.copyOf(jvmArguments);
        results = List.copyOf(results);
    }

    /**
     * One result.
     *
     * @param label     {@code --label}, or null
     * @param paramsKey the params object as canonical JSON (fields sorted), so equal params compare equal
     * @param warnings  the warnings the run printed with the result (every engine's, with --forks)
     */
    public record Entry(
            String magic, String label, String source, String paramsKey, MetricBlock metric, List<String> warnings) {
        public Entry {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        public Entry(String magic, String label, String source, String paramsKey, MetricBlock metric) {
            this(magic, label, source, paramsKey, metric, List.of());
        }

        /** What identifies an unlabelled result across two runs (an occurrence index is added by the matcher). */
        String key() {
            return magic + '\u0000' + source + '\u0000' + paramsKey;
        }

        /**
         * The label, else {@code magic: source} on one line, at most 40 characters; a sweep's value after it
         * ({@code timeit: linear(n) [n=1000]}), or every value of a sweep would read the same.
         */
        public String displayName() {
            String text = label != null ? label : magic + ": " + source.strip().replaceAll("\\s+", " ");
            if (label == null && text.length() > 40) text = text.substring(0, 39) + "\u2026";
            return text + sweepValue();
        }

        /** {@code " [n=1000]"} for a sweep's result (params {@code param.NAME}), else empty. */
        private String sweepValue() {
            if (!paramsKey.contains("\"param.")) return "";
            try {
                com.fasterxml.jackson.databind.JsonNode params =
                        new com.fasterxml.jackson.databind.ObjectMapper().readTree(paramsKey);
                StringBuilder out = new StringBuilder();
                params.fields().forEachRemaining(field -> {
                    if (field.getKey().startsWith("param.")) {
                        out.append(out.length() == 0 ? " [" : ", ")
                                .append(field.getKey().substring(6))
                                .append('=')
                                .append(field.getValue().asText());
                    }
                });
                return out.length() == 0 ? "" : out.append(']').toString();
            } catch (java.io.IOException unreadable) {
                return ""; // the reader wrote it as JSON; nothing to add if it does not read back
            }
        }
    }
}
