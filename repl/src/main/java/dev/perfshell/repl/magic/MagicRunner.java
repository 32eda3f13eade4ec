package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.script.InputCompleteness;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Runs one magic input: finds the magic, lets picocli parse only its leading options, cuts the
 * code from the typed text, and turns every failure into one line naming the culprit.
 */
public final class MagicRunner {
    private final MagicContext context;

    public MagicRunner(MagicContext context) {
        this.context = context;
    }

    /** @return whether the magic succeeded */
    public boolean run(String input) {
        Console console = context.console();
        String text = input.stripLeading();
        boolean cell = text.startsWith("%%");
        int firstBreak = text.indexOf('\n');
        String header = (firstBreak < 0 ? text : text.substring(0, firstBreak)).substring(cell ? 2 : 1);
        String body = cell ? InputCompleteness.cellBody(text) : null;
        String name = header.split("\\s", 2)[0];
        String args = header.substring(name.length());
        String sigil = cell ? "%%" : "%";
        if (name.isEmpty()) {
            console.error("A magic name is missing after " + sigil + ". Next: %lsmagic lists the magics.");
            return false;
        }
        Optional<Magic> found = context.registry().create(name);
        if (found.isEmpty()) {
            console.error(unknown(sigil, name));
            return false;
        }
        Magic magic = found.get();
        if (cell && !magic.acceptsCell()) {
            console.error("%%" + name + " has no cell form. Next: use %" + name + " on one line.");
            return false;
        }
        return parseAndRun(magic, sigil + name, args, body);
    }

    private static String usageProblem(CommandLine line, Magic magic, CommandLine.ParameterException e) {
        String message = e.getMessage().strip().replaceAll("\\.$", "");
        if (!(e instanceof CommandLine.UnmatchedArgumentException unmatched)) return message;
        if (magic instanceof CodeMagic) return message + " (put -- before code that starts with '-')";
        boolean takesWords = !line.getCommandSpec().positionalParameters().isEmpty();
        if (takesWords
                || unmatched.getUnmatched().isEmpty()
                || unmatched.getUnmatched().get(0).startsWith("-")) return message;
        return "takes no arguments, got '" + String.join(" ", unmatched.getUnmatched()) + "'";
    }

    private String unknown(String sigil, String name) {
        List<String> close = context.registry().suggestions(name);
        String line = "Unknown magic " + sigil + name + ".";
        if (!close.isEmpty()) return line + " Did you mean " + sigil + close.get(0) + "?";
        return line + " Next: %lsmagic lists the magics.";
    }

    private boolean parseAndRun(Magic magic, String label, String args, String body) {
        Console console = context.console();
        CommandLine line = MagicRegistry.commandLineOf(magic);
        int codeStart;
        try {
            codeStart = CodeStart.parse(line, args);
        } catch (CommandLine.ParameterException e) {
            // One line, as IPython's UsageError: the whole usage (45 lines for %timeit) buried the message.
            console.error(
                    label + ": " + usageProblem(line, magic, e) + ". Next: " + label + " --help lists the options.");
            return false;
        }
        if (line.isUsageHelpRequested()) {
            console.println(MagicRegistry.usageOf(line, console.color()));
            return true;
        }
        String code = args.substring(codeStart);
        try {
            return magic.run(context, new MagicInput(code, body));
        } catch (EngineException e) {
            console.error(label + ": the engine refused: " + e.getMessage());
            return false;
        } catch (Exception | LinkageError | AssertionError e) {
            // A bug of perfshell's, not the user's: one line, and the session goes on.
            console.error(label + " failed: " + e + ". This is a perfshell bug; the session is intact.");
            return false;
        }
    }
}
