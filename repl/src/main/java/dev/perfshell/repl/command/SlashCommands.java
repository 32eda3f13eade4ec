package dev.perfshell.repl.command;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.io.EditDistance;
import dev.perfshell.repl.session.InputHistory;
import dev.perfshell.repl.session.Session;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.Snippet;

/**
 * jshell's commands for the habits people have: {@code /vars /methods /types /imports /list /drop
 * /edit /open /history /reset /reload /exit /help}, in one table.
 */
public final class SlashCommands {
    /** What the shell does after a command. */
    public enum Result {
        OK,
        FAILED,
        EXIT
    }

    /** The parts of the shell a command needs beyond the session. */
    public interface Host {
        /** Runs input as if typed (used by /edit); returns false when it failed. */
        boolean evaluate(String input);

        /** Runs a script file in this session (used by /open). */
        boolean runScript(Path file);

        /** Prints a restart report (used by /reload). */
        void reportRestart(dev.perfshell.repl.session.RestartReport report);
    }

    @FunctionalInterface
    private interface Handler {
        Result run(String args);
    }

    private final Session session;
    private final Console console;
    private final InputHistory history;
    private final Host host;
    private final Map<String, Handler> table = new LinkedHashMap<>();
    private final Map<String, String> help = new LinkedHashMap<>();

    public SlashCommands(Session session, Console console, InputHistory history, Host host) {
        this.session = session;
        this.console = console;
        this.history = history;
        this.host = host;
        add("vars", "list variables with types and values", a -> done(() -> SessionListing.vars(session, console)));
        add("methods", "list methods with their signatures", a -> done(() -> SessionListing.methods(session, console)));
        add(
                "types",
                "list classes, interfaces, enums and records",
                a -> done(() -> SessionListing.types(session, console)));
        add("imports", "list the active imports", a -> done(() -> SessionListing.imports(session, console)));
        add("list", "list the active snippets with their ids", a -> done(() -> SessionListing.list(session, console)));
        add("drop", "drop a snippet: /drop ID or /drop NAME", this::drop);
        add("edit", "edit a snippet in $EDITOR: /edit [ID or NAME]", this::edit);
        add("open", "run a .jsh file in this session: /open FILE", this::open);
        add(
                "history",
                "show this session's inputs",
                a -> SessionListing.history(history, a, false, console) ? Result.OK : Result.FAILED);
        add("reset", "forget every snippet and restart the engine", a -> {
            session.reset();
            console.println("Session reset: the engine restarted with no snippets.");
            return Result.OK;
        });
        add("reload", "restart the engine and replay the session", a -> {
            host.reportRestart(session.reload());
            return Result.OK;
        });
        add("set", "/set truncation N: cut a value's echo to N characters (0: whole; 100 by default)", this::set);
        add("exit", "leave perfshell", a -> Result.EXIT);
        add("help", "this list; %lsmagic lists the magics", a -> done(this::printHelp));
    }

    private void add(String name, String summary, Handler handler) {
        table.put(name, handler);
        help.put(name, summary);
    }

    private static Result done(Runnable action) {
        action.run();
        return Result.OK;
    }

    public List<String> names() {
        return List.copyOf(table.keySet());
    }

    public Result run(String input) {
        String text = input.strip().substring(1);
        String typed = text.split("\\s", 2)[0];
        String args = text.substring(typed.length()).strip();
        String name = typed.equals("?") ? "help" : typed;
        Handler handler = table.get(name);
        if (handler == null) {
            Optional<String> close = table.keySet().stream()
                    .filter(n -> EditDistance.of(n, name) <= 2 || n.startsWith(name))
                    .min(Comparator.comparingInt(n -> EditDistance.of(n, name)));
            console.error("Unknown command /" + name + "."
                    + close.map(n -> " Did you mean /" + n + "?").orElse(" Next: /help lists the commands."));
            return Result.FAILED;
        }
        return handler.run(args);
    }

    private void printHelp() {
        console.println("Commands:");
        help.forEach((name, summary) -> console.println(String.format("  /%-9s %s", name, summary)));
        console.println("Magics: %lsmagic lists them; %help NAME shows one's options.");
    }

    /** {@code /set truncation N}, as jshell's feedback mode setting (the one setting perfshell has). */
    private Result set(String args) {
        String[] words = args.strip().split("\\s+");
        if (words.length != 2 || !words[0].equals("truncation")) {
            console.error("/set takes truncation N (0: whole values). Next: /set truncation 200");
            return Result.FAILED;
        }
        try {
            session.valueWidth().set(Integer.parseInt(words[1]));
        } catch (NumberFormatException notANumber) {
            console.error("/set truncation takes a whole number of characters, got '" + words[1]
                    + "'. Next: /set truncation 200, or 0 for whole values");
            return Result.FAILED;
        } catch (IllegalArgumentException tooSmall) {
            console.error("/set truncation: " + tooSmall.getMessage() + ". Next: /set truncation 200");
            return Result.FAILED;
        }
        return Result.OK;
    }

    private Result drop(String args) {
        Optional<Snippet> snippet = find(args);
        if (snippet.isEmpty()) return Result.FAILED;
        session.drop(snippet.get());
        console.println("dropped #" + snippet.get().id());
        return Result.OK;
    }

    private Optional<Snippet> find(String idOrName) {
        if (idOrName.isEmpty()) {
            console.error("Which snippet? Next: /list shows ids; /drop 3 or /drop fib");
            return Optional.empty();
        }
        Optional<Snippet> found = session.log().active().stream()
                .map(e -> e.snippet())
                .filter(s -> s.id().equals(idOrName)
                        || (s instanceof jdk.jshell.DeclarationSnippet
                                && ((jdk.jshell.DeclarationSnippet) s).name().equals(idOrName)))
                .reduce((first, later) -> later);
        if (found.isEmpty()) console.error("No active snippet '" + idOrName + "'. Next: /list shows ids and names.");
        return found;
    }

    private Result edit(String args) {
        String original = "";
        if (!args.isEmpty()) {
            Optional<Snippet> snippet = find(args);
            if (snippet.isEmpty()) return Result.FAILED;
            original = snippet.get().source();
        }
        String editor = Optional.ofNullable(System.getenv("VISUAL"))
                .or(() -> Optional.ofNullable(System.getenv("EDITOR")))
                .orElse("vi");
        try {
            Path file = Files.createTempFile("perfshell-edit", ".jsh");
            Files.writeString(file, original, StandardCharsets.UTF_8);
            int code = new ProcessBuilder(List.of("sh", "-c", editor + " \"$0\"", file.toString()))
                    .inheritIO()
                    .start()
                    .waitFor();
            String edited = Files.readString(file, StandardCharsets.UTF_8);
            Files.deleteIfExists(file);
            if (code != 0) {
                console.error("/edit: the editor '" + editor + "' exited with code " + code + "; nothing evaluated.");
                return Result.FAILED;
            }
            if (edited.strip().equals(original.strip())) return Result.OK;
            return host.evaluate(edited) ? Result.OK : Result.FAILED;
        } catch (IOException e) {
            console.error("/edit: cannot run the editor '" + editor + "': " + e.getMessage() + ". Next: set EDITOR.");
            return Result.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.FAILED;
        }
    }

    private Result open(String args) {
        if (args.isEmpty()) {
            console.error("/open needs a file. Example: /open bench.jsh");
            return Result.FAILED;
        }
        Path file = Path.of(args);
        if (!Files.isReadable(file)) {
            console.error("/open: cannot read " + args + ". Next: check the path (Tab completes file names).");
            return Result.FAILED;
        }
        return host.runScript(file) ? Result.OK : Result.FAILED;
    }
}
