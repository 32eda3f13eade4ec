package dev.perfshell.repl.plot;

import dev.perfshell.repl.io.AtomicFiles;
import dev.perfshell.repl.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Writes a plot as the file name asks: {@code .svg} the drawing alone, {@code .html} a page holding it. */
public final class PlotFiles {
    private PlotFiles() {}

    /** Why {@code file} cannot take a plot, or {@code null} when it can. */
    public static String problem(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".svg") || name.endsWith(".html") || name.endsWith(".htm")
                ? null
                : "--plot takes FILE.svg or FILE.html, got '" + file + "'";
    }

    /**
     * Writes the plot and says where, or why it could not be written: the magic's result stands either way.
     *
     * @param magic the magic's name as the error line starts, e.g. {@code %timeit}
     */
    public static void writeAndSay(Console console, String magic, String file, Svg svg, String title) {
        try {
            console.dim("plot: " + write(file, svg, title));
            console.display(display -> display.svg(svg.document(title)));
        } catch (IOException e) {
            console.error(magic + ": cannot write the plot " + file + ": " + e.getMessage());
        }
    }

    /** Writes atomically (a crash never leaves half a file) and returns the absolute path. */
    public static Path write(String file, Svg svg, String title) throws IOException {
        Path path = Path.of(file).toAbsolutePath();
        String text = file.toLowerCase(Locale.ROOT).endsWith(".svg") ? svg.document(title) : svg.html(title);
        AtomicFiles.write(path, text.getBytes(java.nio.charset.StandardCharsets.UTF_8), true);
        return path;
    }
}
