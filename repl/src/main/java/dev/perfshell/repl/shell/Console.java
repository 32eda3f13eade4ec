package dev.perfshell.repl.shell;

import org.jline.utils.WriterOutputStream;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Everything the shell prints goes through here: plain lines, errors, warnings, and the user's
 * own output streamed from the engine. Colour is a constructor decision (terminal, NO_COLOR,
 * {@code --no-color}), so renderers never test for it.
 */
public final class Console {
    private static final String RED = "\u001b[31m";
    private static final String YELLOW = "\u001b[33m";
    private static final String DIM = "\u001b[2m";
    private static final String RESET = "\u001b[0m";

    private final PrintWriter out;
    private final boolean color;
    private final PrintStream userStream;
    private final boolean quiet;

    public Console(Writer writer, boolean color) {
        this(writer, color, false);
    }

    /**
     * @param quiet print only errors, warnings, the user's own output and {@link #always} lines
     *              ({@code perfshell run --quiet})
     */
    public Console(Writer writer, boolean color, boolean quiet) {
        this.out = writer instanceof PrintWriter ? (PrintWriter) writer : new PrintWriter(writer, true);
        this.color = color;
        this.quiet = quiet;
        this.userStream = new PrintStream(new WriterOutputStream(this.out, StandardCharsets.UTF_8), true, StandardCharsets.UTF_8);
    }

    public boolean color() {
        return color;
    }

    /** The stream the engine's System.out and System.err are forwarded to, as they print. */
    public PrintStream userStream() {
        return userStream;
    }

    public PrintWriter writer() {
        return out;
    }

    public void println(String line) {
        if (!quiet) always(line);
    }

    /** A line printed even when quiet. */
    public void always(String line) {
        out.println(line);
        out.flush();
    }

    public void error(String line) {
        always(styled(RED, line));
    }

    public void warn(String line) {
        always(styled(YELLOW, line));
    }

    public void dim(String line) {
        println(styled(DIM, line));
    }

    private String styled(String style, String text) {
        return color ? style + text + RESET : text;
    }

    public void flush() {
        userStream.flush();
        out.flush();
    }
}
