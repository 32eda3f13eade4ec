package dev.perfshell.repl.kernel;

import dev.perfshell.repl.io.Console;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * A notebook's rich output for the shell's console: plots as SVG and tables as HTML, shown as they are made, and the
 * snippets' feedback ({@code $1 ==> 42}) kept so the cell's last input's feedback becomes its result ({@code Out[n]}),
 * as a notebook shows a cell's value; an earlier input's feedback is printed when the next input starts.
 */
final class KernelDisplay implements Console.Display {
    private final JupyterIO io;
    private final List<String> values = new ArrayList<>();

    KernelDisplay(JupyterIO io) {
        this.io = io;
    }

    @Override
    public void svg(String document) {
        DisplayData data = new DisplayData("[plot]");
        data.putSVG(document);
        io.display.display(data);
    }

    @Override
    public void html(String html, String text) {
        DisplayData data = new DisplayData(text);
        data.putHTML(html);
        io.display.display(data);
    }

    @Override
    public synchronized boolean value(String line) {
        values.add(line);
        return true;
    }

    /** Prints the feedback kept so far (an input that was not the cell's last). */
    synchronized void printValues() {
        values.forEach(io.out::println);
        values.clear();
    }

    /** The feedback kept since the last call, as the cell's result, or {@code null} when there is none. */
    synchronized DisplayData takeResult() {
        if (values.isEmpty()) return null;
        DisplayData result = new DisplayData(String.join("\n", values));
        values.clear();
        return result;
    }
}
