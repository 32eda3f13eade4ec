package dev.perfshell.repl.kernel;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.script.ScriptSource;
import dev.perfshell.repl.shell.CellCompletion;
import dev.perfshell.repl.shell.Shell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.kernel.util.TextColor;

/**
 * perfshell as a Jupyter kernel: the same {@link Shell} as the terminal (one engine JVM, replayed after a crash, the
 * same magics and results store), fed a cell's inputs one by one. The Jupyter messaging (sockets, signing, the
 * execute/complete/inspect/interrupt requests) is JJava's kernel base; this class answers them.
 */
public final class PerfshellKernel extends BaseKernel {
    private final Shell shell;
    private final LineCapture errors;
    private final KernelDisplay display;
    private final CellCompletion completion;

    /**
     * @param shell  the session, whose console writes to {@code io} (see {@link #console})
     * @param errors where that console writes errors
     */
    PerfshellKernel(JupyterIO io, Shell shell, LineCapture errors, KernelDisplay display) throws IOException {
        super(
                "perfshell",
                dev.perfshell.repl.results.Tool.perfshell().version(),
                new LanguageInfo.Builder("java")
                        .version(Runtime.version().toString())
                        .mimetype("text/x-java-source")
                        .fileExtension(".jsh")
                        .pygments("java")
                        .codemirror("text/x-java")
                        .build(),
                List.of(),
                null,
                io,
                new CommManager(),
                new Renderer(),
                null,
                null,
                false,
                new StringStyler.Builder()
                        .addPrimaryStyle(TextColor.BOLD_RESET_FG)
                        .addSecondaryStyle(TextColor.BOLD_RED_FG)
                        .addHighlightStyle(TextColor.BOLD_RESET_FG)
                        .build());
        this.shell = shell;
        this.errors = errors;
        this.display = display;
        this.completion = new CellCompletion(shell);
    }

    /**
     * The console a kernel's shell writes to: text to the cell's stdout, warnings to its stderr, errors to
     * {@code errors} (the cell's failure), plots, tables and feedback to {@code display}.
     */
    static Console console(JupyterIO io, LineCapture errors, KernelDisplay display) {
        java.io.PrintWriter out = new java.io.PrintWriter(io.out, true);
        java.io.PrintWriter warnings = new java.io.PrintWriter(io.err, true);
        return new Console(out, errors, warnings, display, false, false);
    }

    @Override
    public Object evalRaw(String cell) {
        int recorded = shell.results().all().size();
        errors.take();
        display.takeResult();
        try {
            for (String input : inputs(cell)) {
                display.printValues(); // the previous input's feedback: only the last input's is the result
                boolean ok = shell.evaluate(input);
                List<String> lines = errors.take();
                if (!ok) {
                    display.printValues();
                    throw CellFailure.of(lines);
                }
                lines.forEach(io.err::println); // errors of an input that went on (a plot not written)
            }
            return display.takeResult();
        } catch (CellFailure failure) {
            throw failure;
        } catch (Throwable unexpected) { // an Error escaping here would end JJava's shell thread
            throw new CellFailure.UsageError(List.of("perfshell: " + unexpected));
        } finally {
            showResults(recorded);
            io.out.flush();
            io.err.flush();
        }
    }

    /** Each result the cell recorded, as a table (its export's fields) beside the text already printed. */
    private void showResults(int from) {
        List<ResultRecord> all = shell.results().all();
        for (ResultRecord record : all.subList(Math.min(from, all.size()), all.size())) {
            DisplayData data =
                    new DisplayData("%" + record.magic() + (record.label() == null ? "" : " " + record.label()));
            data.putHTML(ResultHtml.of(record));
            io.display.display(data);
        }
    }

    /** A cell's complete inputs, split as a script's are (several snippets, magics, %% cells up to a blank line). */
    private List<String> inputs(String cell) throws IOException {
        ScriptSource source =
                new ScriptSource(new BufferedReader(new StringReader(cell)), "cell", shell.completeness());
        List<String> inputs = new ArrayList<>();
        for (String input = source.next(); input != null; input = source.next()) inputs.add(input);
        return inputs;
    }

    @Override
    public List<String> formatError(Throwable e) {
        return e instanceof CellFailure failure ? failure.lines() : super.formatError(e);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        var docs = shell.session().engine().jshell().sourceCodeAnalysis().documentation(code, at, true);
        if (docs.isEmpty()) return null;
        StringBuilder text = new StringBuilder();
        for (var doc : docs) {
            text.append(doc.signature()).append('\n');
            if (extraDetail && doc.javadoc() != null) text.append(doc.javadoc()).append('\n');
        }
        return new DisplayData(text.toString().strip());
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        CellCompletion.Options options = completion.complete(code, at);
        return new ReplacementOptions(options.values(), options.start(), options.end());
    }

    @Override
    public String isComplete(String code) {
        return shell.typedCompleteness().complete(code) ? IS_COMPLETE_YES : "    ";
    }

    /** The notebook's stop button, as Ctrl-C at the terminal: stop the running code. */
    @Override
    public void interrupt() {
        shell.interrupt();
    }

    @Override
    public void onShutdown(boolean restarting) {
        super.onShutdown(restarting);
        shell.interrupt();
        shell.session().close();
    }
}
