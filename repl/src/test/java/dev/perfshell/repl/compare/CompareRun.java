package dev.perfshell.repl.compare;

import dev.perfshell.repl.Main;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One {@code perfshell compare ARGS} through {@link Main#execute} with captured streams, and fixture paths. */
record CompareRun(int exitCode, String out, String err) {
    /** The fixtures folder, relative to the repl module (Maven's working directory for tests). */
    static final Path FIXTURES = Path.of("src/test/resources/compare");

    static Path fixture(String name) {
        return FIXTURES.resolve(name);
    }

    static CompareRun of(Object... args) {
        List<String> line = new ArrayList<>();
        line.add("compare");
        for (Object arg : args) line.add(arg.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(
                line.toArray(String[]::new),
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of(),
                false);
        return new CompareRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Reads a fixture under its bare file name, as {@code compare} run in the fixtures folder would call it. */
    static ResultsFile read(String name) throws CompareException {
        return ResultsReader.read(fixture(name), name);
    }

    List<String> outLines() {
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }
}
