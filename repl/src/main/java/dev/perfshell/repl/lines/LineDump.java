package dev.perfshell.repl.lines;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfshell.repl.io.AtomicFiles;
import dev.perfshell.repl.lines.LineProfile.Kind;
import dev.perfshell.repl.lines.LineProfile.Line;
import dev.perfshell.repl.lines.LineProfile.MethodLines;
import dev.perfshell.repl.profile.PythonRepr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code %lprun -D FILE} and {@code -T FILE} (and {@code %mprun -T}). line_profiler's {@code -D} pickles its
 * {@code LineStats}, which only Python reads; we write JSON, so the only accepted name is {@code .json}. Files are
 * replaced atomically.
 */
public final class LineDump {
    public static final String SCHEMA = "perfshell-lines/1";

    /** The {@code -D} formats, chosen by the file name: one so far. */
    public enum Format {
        JSON
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private LineDump() {}

    /**
     * The format for a {@code -D} file name; call it before running the statement, so a bad name costs nothing.
     *
     * @throws IllegalArgumentException for any name but {@code .json}, naming the file
     */
    public static Format formatOf(Path file) {
        Path name = file.getFileName();
        if (name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json")) return Format.JSON;
        throw new IllegalArgumentException("-D " + file + ": name the file .json (perfshell's JSON; "
                + "line_profiler's pickled .lprof only Python reads)");
    }

    /**
     * Writes the {@value #SCHEMA} document, replacing the file.
     *
     * @return the confirmation, {@code *** Profile stats written to file 'loop.json'.}
     */
    public static String dump(LineProfile profile, Path file) throws IOException {
        formatOf(file);
        AtomicFiles.write(file, json(profile).getBytes(StandardCharsets.UTF_8), true);
        return "*** Profile stats written to file " + PythonRepr.of(file.toString()) + ".";
    }

    /**
     * {@code -T}: writes the printed report, one line each, UTF-8, replacing the file.
     *
     * @return the confirmation, {@code *** Profile printout saved to text file 'loop.txt'.}
     */
    public static String saveText(List<String> printout, Path file) throws IOException {
        return dev.perfshell.repl.profile.ProfileDump.saveText(printout, file); // the same file and line as %prun -T
    }

    /**
     * The {@value #SCHEMA} document: the record's fields in its order, {@code kind} {@code time} or {@code bytes},
     * each line's value named {@code nanos} or {@code bytes}, every line of every method (0 hits included), a line's
     * {@code source} null when the method's source was not found. Pretty-printed, ending with a newline.
     */
    static String json(LineProfile p) {
        String valueName = p.kind() == Kind.TIME ? "nanos" : "bytes";
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode root = nodes.objectNode();
        root.put("schema", SCHEMA);
        root.put("kind", p.kind().name().toLowerCase(Locale.ROOT));
        root.put("source", p.source());
        root.put("partial", p.partial());
        root.put("perEventNanos", p.perEventNanos());
        ArrayNode flags = root.putArray("layoutFlags");
        p.layoutFlags().forEach(flags::add);
        ArrayNode methods = root.putArray("methods");
        for (MethodLines m : p.methods()) {
            ObjectNode method = methods.addObject()
                    .put("method", m.method())
                    .put("location", m.location())
                    .put("firstLine", m.firstLine())
                    .put("total", m.total());
            ArrayNode lines = method.putArray("lines");
            for (Line line : m.lines()) {
                lines.addObject()
                        .put("line", line.number())
                        .put("hits", line.hits())
                        .put(valueName, line.value())
                        .put("source", m.sourceFound() ? line.text() : null);
            }
        }
        try {
            return MAPPER.writer(PRETTY).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
