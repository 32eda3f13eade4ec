package dev.perfshell.repl.io;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.jline.utils.WriterOutputStream;

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
    /** Where errors and warnings go: {@link #out} in the terminal and scripts; stderr and a failure in a notebook. */
    private final PrintWriter errors;

    private final PrintWriter warnings;
    private final Display display;
    private final boolean color;
    private final PrintStream userStream;
    private final boolean quiet;
    /** Where the running input comes from ("bench.jsh:4, engine 2 of 3"), for quiet mode's warnings. */
    private String engine = "";

    private String input = "";

    public Console(Writer writer, boolean color) {
        this(writer, color, false);
    }

    /**
     * @param quiet print only errors, warnings, the user's own output and {@link #always} lines
     *              ({@code perfshell run --quiet})
     */
    public Console(Writer writer, boolean color, boolean quiet) {
        this(writer, writer, writer, null, color, quiet);
    }

    /**
     * A console whose errors and warnings have writers of their own, and which can show rich output (the notebook
     * kernel: warnings to the cell's stderr, errors to the cell's failure, plots inline).
     *
     * @param display shows plots and tables as they are made, or {@code null} where only text is shown
     */
    public Console(Writer writer, Writer errors, Writer warnings, Display display, boolean color, boolean quiet) {
        this.out = printWriter(writer);
        this.errors = errors == writer ? this.out : printWriter(errors);
        this.warnings = warnings == writer ? this.out : printWriter(warnings);
        this.display = display;
        this.color = color;
        this.quiet = quiet;
        this.userStream =
                new PrintStream(new WriterOutputStream(this.out, StandardCharsets.UTF_8), true, StandardCharsets.UTF_8);
    }

    private static PrintWriter printWriter(Writer writer) {
        return writer instanceof PrintWriter p ? p : new PrintWriter(writer, true);
    }

    /** Rich output beside the text: an SVG drawing, an HTML table, a page. */
    public interface Display {
        /** An SVG document, shown as an image. */
        void svg(String document);

        /** An HTML fragment, with the text a plain console shows instead. */
        void html(String html, String text);

        /**
         * A snippet's feedback ({@code $1 ==> 42}, {@code created method f()}): whether the display keeps it (a
         * notebook makes the cell's last ones its result); otherwise it is printed.
         */
        default boolean value(String line) {
            return false;
        }
    }

    /** A snippet's feedback line: printed, or kept by the display (see {@link Display#value}). */
    public void value(String line) {
        if (display == null || !display.value(line)) println(line);
    }

    /** Shows rich output where the console can (a notebook); the text beside it is printed as always. */
    public void display(java.util.function.Consumer<Display> show) {
        if (display != null) show.accept(display);
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
        errors.println(styled(RED, line));
        errors.flush();
    }

    /**
     * A warning. Quiet mode prints no result lines, so a warning there names its input (and engine),
     * or a reader could not tell which of a script's results it is about.
     */
    public void warn(String line) {
        String where = quiet
                ? String.join(
                        ", ",
                        java.util.stream.Stream.of(input, engine)
                                .filter(s -> !s.isEmpty())
                                .toList())
                : "";
        warnings.println(styled(YELLOW, where.isEmpty() ? line : where + ": " + line));
        warnings.flush();
    }

    /** The script input now running, as FILE:LINE; empty when typed. */
    public void input(String where) {
        input = where;
    }

    /** The engine a forked run is in ("engine 2 of 3"); empty for one engine. */
    public void engine(String which) {
        engine = which;
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
        errors.flush();
        warnings.flush();
    }
}
