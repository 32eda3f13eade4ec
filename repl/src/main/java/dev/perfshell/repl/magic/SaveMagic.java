package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.AtomicFiles;
import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.script.MagicArgs;
import dev.perfshell.repl.script.ScriptHeader;
import dev.perfshell.repl.session.InputHistory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code %save [-f] FILE.jsh [N | A-B]...}: writes this session's inputs (Java, magics and commands) as a
 * script that {@code perfshell run} and {@code %run} run again. Numbers are those of {@code %history -n}
 * (IPython's {@code %save}). Inputs that failed, and {@code %save}/{@code %load} lines, are left out, so
 * the script runs to its end. The file is written atomically; an existing one is kept unless {@code -f}.
 */
@Command(
        name = "save",
        description = "Save this session's inputs as a runnable script: %%save [-f] FILE.jsh [N | A-B]...",
        footer = {
            "",
            "Numbers as %%history -n shows them; no range saves every input. Failed inputs and %%save/%%load lines are left out. Engine options given with -R are written as an //ENGINE line."
        })
final class SaveMagic extends BaseMagic {
    @Parameters(
            paramLabel = "FILE.jsh [N | A-B]...",
            arity = "0..*",
            hideParamSyntax = true,
            description = "The file to write, then the inputs to save (numbers as %%history -n shows them).")
    List<String> arguments = new ArrayList<>();

    @Option(
            names = {"-f", "--force"},
            description = "Overwrite an existing file.")
    boolean force;

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        List<String> words = MagicArgs.words(input.code());
        if (words.isEmpty() || !words.get(0).endsWith(".jsh")) {
            console.error("%save: expected a .jsh file name first, got "
                    + (words.isEmpty() ? "none" : "'" + words.get(0) + "'") + ". Example: %save bench.jsh 3-7");
            return false;
        }
        Path file = Path.of(words.get(0));
        List<InputHistory.Entry> entries = context.history().entries();
        // The %save line running now is the last entry: never part of what it saves.
        int last = entries.size() - 1;
        TreeSet<Integer> chosen = new TreeSet<>();
        for (String range : words.subList(1, words.size())) {
            if (!addRange(range, last, chosen)) {
                console.error("%save: '" + range + "' is not an input number or range of 1-" + last
                        + ". Next: %history -n shows the numbers; e.g. %save " + file + " 2-5 7");
                return false;
            }
        }
        if (words.size() == 1) for (int i = 1; i <= last; i++) chosen.add(i);
        List<String> kept = new ArrayList<>();
        int failed = 0;
        for (int number : chosen) {
            InputHistory.Entry entry = entries.get(number - 1);
            if (entry.failed()) failed++;
            else if (!isSaveOrLoad(entry.text())) kept.add(entry.text());
        }
        if (kept.isEmpty()) {
            console.error("%save: nothing to save" + (failed > 0 ? " (the chosen inputs failed)" : "")
                    + ". Next: %history -n");
            return false;
        }
        String script = script(kept, context.session().spec().engineOptions());
        try {
            AtomicFiles.write(file, script.getBytes(StandardCharsets.UTF_8), force);
        } catch (FileAlreadyExistsException e) {
            console.error(
                    "%save: " + file + " exists. Next: %save -f " + String.join(" ", words) + " to overwrite it.");
            return false;
        } catch (NoSuchFileException e) {
            console.error("%save: no folder for " + file + ". Next: create the folder, or choose another path.");
            return false;
        } catch (IOException e) {
            console.error("%save: cannot write " + file + ": " + e.getMessage());
            return false;
        }
        console.println("Saved " + kept.size() + (kept.size() == 1 ? " input" : " inputs") + " to " + file
                + (failed > 0 ? " (left out " + failed + " that failed)" : "") + ".");
        return true;
    }

    /** {@code 7} or {@code 2-5}, within 1..last. */
    private static boolean addRange(String range, int last, TreeSet<Integer> chosen) {
        if (!range.matches("\\d{1,9}(-\\d{1,9})?")) return false;
        String[] ends = range.split("-");
        int from = Integer.parseInt(ends[0]);
        int to = ends.length == 2 ? Integer.parseInt(ends[1]) : from;
        if (from < 1 || to > last || from > to) return false;
        for (int i = from; i <= to; i++) chosen.add(i);
        return true;
    }

    private static boolean isSaveOrLoad(String input) {
        return input.matches("(?s)%(save|load)(\\s.*)?");
    }

    /**
     * Inputs as entered, each followed by a blank line, which ends a cell magic when read back (a cell typed
     * with {@code %%end} keeps it: its body has a blank line where the Java before it was complete).
     */
    static String script(List<String> inputs, List<String> engineOptions) {
        StringBuilder out = new StringBuilder();
        if (!engineOptions.isEmpty())
            out.append(ScriptHeader.ENGINE)
                    .append(' ')
                    .append(String.join(" ", engineOptions))
                    .append("\n\n");
        for (String input : inputs) out.append(input).append("\n\n");
        return out.toString();
    }
}
