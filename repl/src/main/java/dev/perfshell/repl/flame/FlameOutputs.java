package dev.perfshell.repl.flame;

import dev.perfshell.repl.io.AtomicFiles;
import dev.perfshell.repl.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;

/**
 * The files of one {@code %flame} run besides its table: the flame graph, the folded stacks ({@code --collapsed}) and
 * the engine's JFR recording ({@code --jfr}). Each says where it went, or in one line why it could not be written and
 * what to do next; one that fails does not keep the others from being written, and {@link #ok()} says whether all
 * were.
 */
public final class FlameOutputs {
    private final Console console;
    private final Map<String, String> env;
    private boolean ok = true;

    /** @param env the shell's environment: where the default flame graph goes, whether there is a display */
    public FlameOutputs(Console console, Map<String, String> env) {
        this.console = console;
        this.env = env;
    }

    /**
     * Writes the flame graph, drawn here from the renamed stacks, so the graph reads like the table (fib (#3:1), not
     * REPL.$JShell$3.fib).
     *
     * @param asked {@code --html}'s file, or {@code null} for a new file under {@link FlameFiles#folder}
     * @return the file written, or {@code null} when it could not be
     */
    public String graph(FoldedStacks stacks, String title, String asked) {
        try {
            Path file = asked != null
                    ? Path.of(asked).toAbsolutePath()
                    : FlameFiles.next(FlameFiles.folder(env), LocalDateTime.now());
            FlameGraphHtml.write(stacks, title, file);
            return file.toString();
        } catch (IOException e) {
            console.error("%flame: could not write the flame graph (" + e
                    + "). Next: --html FILE in a writable folder, or --no-html.");
            ok = false;
            return null;
        }
    }

    /** Says where the flame graph went, and opens it with {@code --open}. */
    public void graphWritten(String html, boolean open) {
        console.println("Flame graph: " + html);
        console.display(display -> inline(display, html));
        if (open) open(html);
    }

    /**
     * The flame graph in place (a notebook): the page itself in an iframe's {@code srcdoc}, self-contained as the file
     * is (no network), beside the line that says where the file is.
     */
    private static void inline(dev.perfshell.repl.io.Console.Display display, String html) {
        try {
            String page = java.nio.file.Files.readString(Path.of(html));
            String srcdoc = page.replace("&", "&amp;").replace("\"", "&quot;");
            display.html(
                    "<iframe style=\"width:100%;height:480px;border:0\" sandbox=\"allow-scripts\" srcdoc=\"" + srcdoc
                            + "\"></iframe>",
                    "Flame graph: " + html);
        } catch (IOException unreadable) { // the line above already says where the file is
        }
    }

    /** {@code --jfr FILE}: says where the engine wrote the recording, or that it wrote none. */
    public void jfrWritten(FlameReport report, String asked) {
        if (report.jfr() != null) console.println("JFR recording: " + report.jfr());
        else {
            console.error("%flame: the " + report.backend() + " backend wrote no JFR recording to " + asked
                    + ". Next: check the folder is writable.");
            ok = false;
        }
    }

    /** {@code --collapsed FILE}: the folded stacks as flamegraph.pl and speedscope read them. */
    public void collapsed(FoldedStacks stacks, String file) {
        try {
            AtomicFiles.write(Path.of(file), stacks.text().getBytes(StandardCharsets.UTF_8), true);
            console.println("Folded stacks: " + Path.of(file).toAbsolutePath());
        } catch (IOException e) {
            console.error(
                    "%flame: could not write " + file + " (" + e + "). Next: check the folder exists and is writable.");
            ok = false;
        }
    }

    /** Whether every file asked for was written. */
    public boolean ok() {
        return ok;
    }

    /** {@code --open}: the desktop's browser, when there is a desktop; otherwise say so, the file is written either way. */
    private void open(String html) {
        if (!env.containsKey("DISPLAY") && !env.containsKey("WAYLAND_DISPLAY")) {
            console.warn("--open: no display here (DISPLAY is not set). Next: open " + html + " in a browser.");
            return;
        }
        try {
            new ProcessBuilder("xdg-open", html)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            console.warn("--open: cannot run xdg-open (" + e.getMessage() + "). Next: open " + html + " in a browser.");
        }
    }
}
