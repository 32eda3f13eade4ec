package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.render.ResultsRenderer;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.results.ResultsEnvironment;
import dev.perfshell.repl.results.ResultsJson;
import dev.perfshell.repl.results.ResultsStore;
import dev.perfshell.repl.results.Tool;
import dev.perfshell.repl.script.MagicArgs;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code %results [list|show N|save [-f] FILE.json|clear]}: the session's results store, the record
 * every measuring magic adds, and its JSON export (schema {@code perfshell-results/1}).
 */
@Command(
        name = "results",
        description = "The session's results: list, show N, save [-f] FILE.json (JSON export), clear.",
        footer = {
            "",
            "%%timeit and %%time add a result each time they measure. 'save' writes schema perfshell-results/1 (docs/results-schema.json) atomically, and refuses to overwrite a file without -f. 'perfshell run FILE.jsh --json OUT' writes the same file at the end of a script."
        })
final class ResultsMagic extends BaseMagic {
    @Parameters(
            paramLabel = "[list | show N | save [-f] FILE.json | clear]",
            arity = "0..*",
            hideParamSyntax = true,
            description = "What to do with the results (default: list).")
    List<String> arguments = new ArrayList<>();

    @Option(
            names = {"-f", "--force"},
            description = "save: overwrite an existing file.")
    boolean force;

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        List<String> words = new ArrayList<>();
        for (MagicArgs.Token token : MagicArgs.tokenize(input.code())) {
            if (token.text().equals("-f") || token.text().equals("--force")) force = true;
            else words.add(token.text());
        }
        String action = words.isEmpty() ? "list" : words.get(0);
        List<String> args = words.isEmpty() ? List.of() : words.subList(1, words.size());
        ResultsStore store = context.results();
        switch (action) {
            case "list":
                if (!args.isEmpty()) return usage(console, "list takes nothing, got '" + String.join(" ", args) + "'");
                ResultsRenderer.list(store.all()).forEach(console::println);
                return true;
            case "show":
                return show(store, args, console);
            case "save":
                if (args.size() != 1) return usage(console, "save takes one file name, e.g. %results save bench.json");
                return save(context, Path.of(args.get(0)), console);
            case "clear":
                if (!args.isEmpty()) return usage(console, "clear takes nothing, got '" + String.join(" ", args) + "'");
                int cleared = store.clear();
                console.println("Cleared " + count(cleared) + ".");
                return true;
            default:
                return usage(console, "unknown action '" + action + "'");
        }
    }

    private static boolean usage(Console console, String problem) {
        console.error("%results: " + problem + ". Usage: %results [list | show N | save [-f] FILE.json | clear]");
        return false;
    }

    private static boolean show(ResultsStore store, List<String> args, Console console) {
        if (args.size() != 1 || !args.get(0).matches("\\d{1,9}"))
            return usage(console, "show takes a result number, e.g. %results show 1");
        int number = Integer.parseInt(args.get(0));
        ResultRecord record = store.get(number).orElse(null);
        if (record == null) {
            console.error("%results: no result " + number + " (there "
                    + (store.size() == 1 ? "is 1" : "are " + store.size()) + "). Next: %results list.");
            return false;
        }
        ResultsRenderer.show(number, record).forEach(console::println);
        return true;
    }

    private boolean save(MagicContext context, Path file, Console console) throws Exception {
        List<ResultRecord> all = context.results().all();
        ResultsEnvironment environment = ResultsEnvironment.of(context.session().request(EngineRequest.info()));
        try {
            ResultsJson.write(file, Tool.perfshell(), environment, all, force);
        } catch (FileAlreadyExistsException e) {
            console.error("%results save: " + file + " exists. Next: %results save -f " + file + " to overwrite it.");
            return false;
        } catch (NoSuchFileException e) {
            console.error(
                    "%results save: no folder for " + file + ". Next: create the folder, or choose another path.");
            return false;
        } catch (IOException e) {
            console.error("%results save: cannot write " + file + ": " + e.getMessage());
            return false;
        }
        console.println("Saved " + count(all.size()) + " to " + file + " (" + ResultsJson.SCHEMA + ").");
        return true;
    }

    private static String count(int n) {
        return n + (n == 1 ? " result" : " results");
    }
}
