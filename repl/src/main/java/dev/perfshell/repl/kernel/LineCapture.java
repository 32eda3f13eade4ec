package dev.perfshell.repl.kernel;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/** The error lines of the input that is running: they become the cell's failure, or its stderr if it succeeds. */
final class LineCapture extends Writer {
    private final StringBuilder text = new StringBuilder();

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        text.append(buffer, offset, length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    /** The lines captured since the last call, which forgets them. */
    synchronized List<String> take() {
        List<String> lines = new ArrayList<>();
        for (String line : text.toString().split("\\R")) if (!line.isBlank()) lines.add(line.stripTrailing());
        text.setLength(0);
        return lines;
    }
}
