package dev.perfshell.repl;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineSpec;
import dev.perfshell.repl.maven.MavenArtifacts;
import dev.perfshell.repl.maven.MavenConfig;
import dev.perfshell.repl.results.ForkMerge;
import dev.perfshell.repl.results.MetricText;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.results.ResultsCsv;
import dev.perfshell.repl.results.ResultsEnvironment;
import dev.perfshell.repl.results.ResultsJson;
import dev.perfshell.repl.results.ResultsMarkdown;
import dev.perfshell.repl.results.Tool;
import dev.perfshell.repl.script.Notebooks;
import dev.perfshell.repl.script.ScriptHeader;
import dev.perfshell.repl.script.ScriptText;
import dev.perfshell.repl.shell.Shell;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code perfshell run FILE.jsh}: a saved perf script, headless, in one engine or several ({@code --forks}). */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Run a saved perf script: snippets and magics, output as in the shell minus prompts. "
                    + "Stops at the first failing input with FILE:LINE and exit code 1.",
            "A script may declare its needs on lines of their own: //CLASSPATH lib/a.jar (relative to the script) "
                    + "//ENGINE -Xmx2g (engine JVM options) and //DEPS G:A:V (Maven artifacts, as %%maven resolves them)."
        })
final class RunCommand implements Callable<Integer> {
    private static final int NAME_WIDTH = 40;

    @CommandLine.ParentCommand
    Main main;

    @Parameters(
            paramLabel = "FILE.jsh",
            description = "The script to run; a notebook (FILE.ipynb) runs its code cells in order.")
    Path file;

    @Option(names = "--keep-going", description = "Go on after a failing input; exit 1 at the end.")
    boolean keepGoing;

    @Option(
            names = "--json",
            paramLabel = "OUT",
            description =
                    "At the end (also after a failure), write every result to OUT as JSON, schema perfshell-results/1 (docs/results.md).")
    Path json;

    @Option(names = "--csv", paramLabel = "OUT", description = "At the end, write one CSV row per result to OUT.")
    Path csv;

    @Option(
            names = "--markdown",
            paramLabel = "OUT",
            description = "At the end, write the results as a Markdown table to OUT.")
    Path markdown;

    @Option(
            names = {"-q", "--quiet"},
            description = "Print only errors, warnings and the script's own output, then one line per result.")
    boolean quiet;

    @Option(
            names = "--forks",
            paramLabel = "K",
            defaultValue = "1",
            description =
                    "Run the script in K fresh engines, one after the other, and keep each engine's samples apart "
                            + "(the JVM is the unit of replication; 'perfshell compare' uses it). Default: ${DEFAULT-VALUE}.")
    int forks;

    @Override
    public Integer call() throws Exception {
        String problem = problem();
        if (problem != null) {
            main.out.flush();
            main.err.println("perfshell run: " + problem);
            return Main.USAGE;
        }
        // A pipe (/dev/stdin, a FIFO) is read once, by the script run: its header cannot be read ahead.
        ScriptHeader header;
        try {
            header = Notebooks.isNotebook(file)
                    ? ScriptHeader.of(Notebooks.script(file), file)
                    : Files.isRegularFile(file) ? ScriptHeader.read(file) : ScriptHeader.none();
        } catch (IOException e) {
            main.out.flush();
            main.err.println("perfshell run: "
                    + (e instanceof ScriptText.NotUtf8Exception
                            ? e.getMessage()
                            : "cannot read " + file + " (" + e.getMessage() + "). Next: check the path."));
            return Main.USAGE;
        }
        if (!header.problems().isEmpty()) {
            main.out.flush();
            main.err.println("perfshell run: " + header.problems().get(0) + ". Next: fix the line.");
            return Main.USAGE;
        }
        EngineSpec spec = main.spec().withEngineOptions(header.engineOptions());
        for (String entry : header.classPath()) spec = spec.withClassPath(entry);

        Console console = new Console(
                new PrintWriter(new OutputStreamWriter(main.out, StandardCharsets.UTF_8), true), false, quiet);
        if (!header.deps().isEmpty()) {
            // Resolved once, before the first engine starts: every fork gets the same jars, and a script that
            // cannot get its libraries fails before it runs anything.
            List<String> jars = new ArrayList<>();
            boolean resolved;
            try (MavenArtifacts maven = new MavenArtifacts()) {
                MavenConfig config = MavenConfig.of(main.env, Path.of(System.getProperty("user.home")));
                resolved = maven.add(
                        file + ": " + ScriptHeader.DEPS,
                        header.deps(),
                        false,
                        config,
                        console,
                        jar -> jars.add(jar.toString()));
            }
            if (!resolved) {
                console.flush();
                return Shell.SCRIPT_FAILED; // printed like a failing input: the script could not get what it needs
            }
            for (String jar : jars) if (!spec.classPath().contains(jar)) spec = spec.withClassPath(jar);
        }
        boolean exporting = json != null || csv != null || markdown != null;
        List<List<ResultRecord>> perEngine = new ArrayList<>();
        ResultsEnvironment environment = ResultsEnvironment.unknown();
        int code = Shell.OK;
        for (int fork = 1; fork <= forks; fork++) {
            if (forks > 1 && !quiet) console.dim("── engine " + fork + " of " + forks + " ──");
            if (forks > 1) console.engine("engine " + fork + " of " + forks);
            Main.EngineRun run;
            try (BufferedReader reader = Notebooks.isNotebook(file)
                    ? new BufferedReader(new java.io.StringReader(Notebooks.script(file)))
                    : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                run = main.runScript(spec, console, reader, file, keepGoing, main.in, exporting);
            }
            perEngine.add(run.results());
            if (run.environment() != null) environment = run.environment();
            if (run.code() != Shell.OK) {
                code = run.code();
                if (!keepGoing) break;
            }
        }
        List<ResultRecord> results = ForkMerge.merge(perEngine);
        if (quiet) summary(console, results);
        console.flush();
        return export(environment, results, perEngine.size()) ? code : Main.USAGE;
    }

    /** What is wrong with the command line before anything runs, or {@code null}. */
    private String problem() {
        if (!Files.isReadable(file)) return "cannot read " + file + ". Next: check the path.";
        // A folder is readable, and would otherwise start an engine to fail reading it with exit 1.
        if (Files.isDirectory(file))
            return (file.toString().isEmpty() ? "''" : file) + " is a folder, not a script. Next: name a .jsh file.";
        if (forks < 1 || forks > 100) return "--forks " + forks + ": expected 1 to 100 engines. Example: --forks 3";
        Path[] outs = {json, csv, markdown};
        String[] options = {"--json", "--csv", "--markdown"};
        for (int i = 0; i < outs.length; i++) {
            Path out = outs[i];
            if (out == null) continue;
            Path folder = out.toAbsolutePath().normalize().getParent();
            if (folder != null && !Files.isDirectory(folder)) {
                return options[i] + " " + out + ": no folder " + folder + ". Next: create it, or choose another path.";
            }
            if (Files.isDirectory(out)) return options[i] + " " + out + " is a folder. Next: name a file in it.";
        }
        return null;
    }

    /** {@code --quiet}'s closing table: one line per result, its center and interval. */
    private static void summary(Console console, List<ResultRecord> results) {
        for (int i = 0; i < results.size(); i++) {
            ResultRecord r = results.get(i);
            String unit = r.metric().unit();
            String ci = Double.isNaN(r.metric().ciLow())
                    ? ""
                    : "  [" + MetricText.value(r.metric().ciLow(), unit) + " … "
                            + MetricText.value(r.metric().ciHigh(), unit) + "]";
            console.always(String.format(
                    Locale.ROOT,
                    "%2d  %-8s %-" + NAME_WIDTH + "s  %s%s  (%s)",
                    i + 1,
                    "%" + r.magic(),
                    MetricText.name(r, NAME_WIDTH),
                    MetricText.value(r.metric().center(), unit),
                    ci,
                    r.origin().describe()));
        }
    }

    /** Writes the exports asked for, each atomically (replacing the file); false when one could not be written. */
    private boolean export(ResultsEnvironment environment, List<ResultRecord> results, int engines) {
        try {
            if (json != null) ResultsJson.write(json, Tool.perfshell(), environment, results, engines, true);
            if (csv != null) ResultsCsv.write(csv, results);
            if (markdown != null) ResultsMarkdown.write(markdown, results);
            return true;
        } catch (IOException e) {
            main.out.flush();
            main.err.println("perfshell run: cannot write an export: " + e.getMessage() + ". Next: check the path.");
            return false;
        }
    }
}
