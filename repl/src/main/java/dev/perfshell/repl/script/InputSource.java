package dev.perfshell.repl.script;

import java.io.IOException;
import java.nio.file.Path;

/** Where complete inputs come from: a terminal, a script file, or piped stdin. */
public interface InputSource {
    /** The next complete input (possibly several lines), or {@code null} at the end. */
    String next() throws IOException;

    /** The line where the last input started, for {@code FILE:LINE: message}. */
    int line();

    /** The script's name for messages, e.g. {@code bench.jsh} or {@code <stdin>}. */
    String name();

    boolean interactive();

    /** The script file being read, or {@code null} for a terminal or piped stdin. */
    default Path file() {
        return null;
    }
}
