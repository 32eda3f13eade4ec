package dev.perfshell.repl.profile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfshell.repl.io.AtomicFiles;
import dev.perfshell.repl.profile.Profile.CallEdge;
import dev.perfshell.repl.profile.Profile.MethodStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code %prun -D FILE} and {@code -T FILE}. IPython's {@code -D} writes pstats' marshal format, which only Python
 * reads; we write JSON ({@code .json}) or Valgrind's callgrind format ({@code .callgrind}, {@code .out},
 * {@code callgrind.out.*}), which KCachegrind, QCachegrind and gprof2dot read. Files are replaced atomically.
 */
public final class ProfileDump {
    public static final String SCHEMA = "perfshell-profile/1";

    /** The {@code -D} formats, chosen by the file name. */
    public enum Format {
        JSON,
        CALLGRIND
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private ProfileDump() {}

    /**
     * The format for a {@code -D} file name; call it before running the statement, so a bad name costs nothing.
     *
     * @throws IllegalArgumentException for any other name, saying which names work
     */
    public static Format formatOf(Path file) {
        Path name = file.getFileName();
        String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json")) return Format.JSON;
        if (lower.endsWith(".callgrind") || lower.endsWith(".out") || lower.startsWith("callgrind.out"))
            return Format.CALLGRIND;
        throw new IllegalArgumentException(
                "-D " + file + ": name the file .json (perfshell's JSON) or .callgrind, .out, "
                        + "callgrind.out.* (callgrind format, for KCachegrind and gprof2dot)");
    }

    /**
     * Writes the profile in the format its name asks for, replacing the file.
     *
     * @return IPython's confirmation, {@code *** Profile stats marshalled to file 'fib.json'.}
     */
    public static String dump(Profile profile, Path file) throws IOException {
        String content = formatOf(file) == Format.JSON ? json(profile) : callgrind(profile);
        AtomicFiles.write(file, content.getBytes(StandardCharsets.UTF_8), true);
        return "*** Profile stats marshalled to file " + PythonRepr.of(file.toString()) + ".";
    }

    /**
     * {@code -T}: writes the printed report, one line each, UTF-8, replacing the file.
     *
     * @return IPython's confirmation, {@code *** Profile printout saved to text file 'fib.txt'.}
     */
    public static String saveText(List<String> printout, Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        for (String line : printout) text.append(line).append('\n');
        AtomicFiles.write(file, text.toString().getBytes(StandardCharsets.UTF_8), true);
        return "*** Profile printout saved to text file " + PythonRepr.of(file.toString()) + ".";
    }

    /**
     * The {@value #SCHEMA} document: the record's fields, times in ns, rows in the record's order, edges naming
     * their ends by location. Pretty-printed, ending with a newline.
     */
    static String json(Profile p) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("schema", SCHEMA);
        root.put("source", p.source());
        root.put("totalNanos", p.totalNanos());
        root.put("subtractedNanosPerCall", p.subtractedNanosPerCall());
        root.put("threads", p.threads());
        root.put("timed", p.timed());
        root.put("partial", p.partial());
        ArrayNode methods = root.putArray("methods");
        for (MethodStats m : p.methods()) {
            methods.addObject()
                    .put("method", m.method())
                    .put("location", m.location())
                    .put("boundary", m.boundary())
                    .put("calls", m.calls())
                    .put("primitiveCalls", m.primitiveCalls())
                    .put("selfNanos", m.selfNanos())
                    .put("cumulativeNanos", m.cumulativeNanos());
        }
        RowIndex rows = new RowIndex(p);
        ArrayNode edges = root.putArray("edges");
        for (CallEdge e : p.edges()) {
            edges.addObject()
                    .put("caller", rows.row(e.caller()).location())
                    .put("callee", rows.row(e.callee()).location())
                    .put("calls", e.calls())
                    .put("primitiveCalls", e.primitiveCalls())
                    .put("selfNanos", e.selfNanos())
                    .put("cumulativeNanos", e.cumulativeNanos());
        }
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Callgrind format version 1 (valgrind.org/docs/manual/cl-format.html), one event, {@code Ticks}, in ns. Per row:
     * {@code fl=} its file (pstats' {@code ~} for boundary rows), {@code fn=} its method, one cost line
     * {@code <line> <self ns>}; then per callee {@code cfl=}, {@code cfn=}, {@code calls=<calls> <callee's line>}
     * and the inclusive cost of those calls on the caller's line (we don't know the call site's line).
     * gprof2dot identifies functions by name alone, so a method name used by two rows gets its location appended.
     */
    static String callgrind(Profile p) {
        Map<String, String> names = functionNames(p);
        RowIndex rows = new RowIndex(p);
        StringBuilder out = new StringBuilder();
        out.append("# callgrind format\n");
        out.append("version: 1\n");
        out.append("creator: perfshell %prun\n");
        out.append("cmd: ").append(oneLine(p.source())).append('\n');
        out.append("# wall time ")
                .append(p.totalNanos())
                .append(" ns on ")
                .append(p.threads())
                .append(p.threads() == 1 ? " thread" : " threads")
                .append(
                        p.timed()
                                ? "; probe cost subtracted: " + p.subtractedNanosPerCall() + " ns per call"
                                : "; counts only: times are 0")
                .append(p.partial() ? "; partial: the statement did not complete" : "")
                .append('\n');
        out.append("positions: line\n");
        out.append("event: Ticks : Time (ns)\n");
        out.append("events: Ticks\n");
        out.append("summary: ")
                .append(p.methods().stream().mapToLong(MethodStats::selfNanos).sum())
                .append('\n');
        for (MethodStats m : p.methods()) {
            Location at = Location.parse(m.location());
            out.append('\n');
            out.append("fl=").append(at.file()).append('\n');
            out.append("fn=").append(names.get(m.key())).append('\n');
            out.append(at.line()).append(' ').append(m.selfNanos()).append('\n');
            for (CallEdge e : p.edges()) {
                if (!e.caller().equals(m.key())) continue;
                MethodStats callee = rows.row(e.callee());
                Location target = Location.parse(callee.location());
                out.append("cfl=").append(target.file()).append('\n');
                out.append("cfn=").append(names.get(callee.key())).append('\n');
                out.append("calls=")
                        .append(e.calls())
                        .append(' ')
                        .append(target.line())
                        .append('\n');
                out.append(at.line()).append(' ').append(e.cumulativeNanos()).append('\n');
            }
        }
        return out.toString();
    }

    /** The method name per row key, with the location added where two rows share a method name. */
    private static Map<String, String> functionNames(Profile p) {
        Set<String> seen = new HashSet<>();
        Set<String> shared = new HashSet<>();
        for (MethodStats m : p.methods()) {
            if (!seen.add(m.method())) shared.add(m.method());
        }
        Map<String, String> names = new HashMap<>();
        for (MethodStats m : p.methods()) {
            names.put(m.key(), oneLine(shared.contains(m.method()) ? m.method() + " " + m.location() : m.method()));
        }
        return names;
    }

    /** Callgrind values end at the line end. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
