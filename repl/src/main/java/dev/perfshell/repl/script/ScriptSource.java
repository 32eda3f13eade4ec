package dev.perfshell.repl.script;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Path;

/**
 * Inputs from a script or piped stdin: lines are gathered until they form a complete input
 * (a multi-line method, a cell magic up to its blank line or {@code %%end}).
 */
public final class ScriptSource implements InputSource {
    private final BufferedReader reader;
    private final String name;
    private final Path file;
    private final InputCompleteness completeness;
    private int lineNumber;
    private int startLine;

    /** Piped input (no file): {@code name} is for messages, e.g. {@code <stdin>}. */
    public ScriptSource(BufferedReader reader, String name, InputCompleteness completeness) {
        this(reader, name, null, completeness);
    }

    /** A script file, named in messages as given. */
    public ScriptSource(BufferedReader reader, Path file, InputCompleteness completeness) {
        this(reader, file.toString(), file, completeness);
    }

    private ScriptSource(BufferedReader reader, String name, Path file, InputCompleteness completeness) {
        this.reader = reader;
        this.name = name;
        this.file = file;
        this.completeness = completeness;
    }

    @Override
    public String next() throws IOException {
        StringBuilder buffer = new StringBuilder();
        String line;
        while ((line = readLine()) != null) {
            lineNumber++;
            if (buffer.length() == 0) {
                if (line.isBlank()) continue;
                startLine = lineNumber;
            } else {
                buffer.append('\n');
            }
            buffer.append(line);
            if (completeness.complete(buffer.toString())) return buffer.toString();
        }
        return buffer.length() == 0 ? null : buffer.toString(); // the end closes an open cell or snippet
    }

    private String readLine() throws IOException {
        try {
            return reader.readLine();
        } catch (MalformedInputException e) {
            throw new ScriptText.NotUtf8Exception(name + ":" + (lineNumber + 1)
                    + ": not UTF-8 text. Next: save the script as UTF-8 (e.g. iconv -f ISO-8859-1 -t UTF-8)");
        }
    }

    @Override
    public int line() {
        return startLine;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public boolean interactive() {
        return false;
    }
}
