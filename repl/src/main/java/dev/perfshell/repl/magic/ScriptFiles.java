package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.maven.MavenConfig;
import dev.perfshell.repl.script.MagicArgs;
import dev.perfshell.repl.script.ScriptHeader;
import dev.perfshell.repl.script.ScriptSource;
import dev.perfshell.repl.script.ScriptText;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What {@code %run} and {@code %load} share: finding the one script named, and honouring its header. */
final class ScriptFiles {
    private ScriptFiles() {}

    /** The single file named by the magic's words, or {@code null} after printing why not. */
    static Path file(String magic, String code, Console console) {
        List<String> words = MagicArgs.words(code);
        if (words.size() != 1) {
            console.error(magic + ": expected one script file, got "
                    + (words.isEmpty() ? "none" : "'" + code.strip() + "'") + ". Example: " + magic + " bench.jsh");
            return null;
        }
        Path file = Path.of(words.get(0));
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            console.error(magic + ": cannot read " + file + ". Next: check the path (Tab completes file names).");
            return null;
        }
        return file;
    }

    /**
     * Applies the script's {@code //CLASSPATH} and {@code //DEPS} lines to this session (artifacts the session
     * already has are not added twice). {@code //ENGINE} options cannot apply
     * to an engine that is already running: they are named in a warning, with how to get them.
     *
     * @return false after printing the first bad directive
     */
    static boolean applyHeader(String magic, Path file, MagicContext context) throws IOException {
        Console console = context.console();
        ScriptHeader header;
        try {
            header = ScriptHeader.read(file);
        } catch (ScriptText.NotUtf8Exception e) {
            console.error(magic + ": " + e.getMessage());
            return false;
        }
        if (!header.problems().isEmpty()) {
            console.error(magic + ": " + header.problems().get(0) + ". Next: fix the line.");
            return false;
        }
        for (String entry : header.classPath()) {
            if (!context.session().spec().classPath().contains(entry))
                context.session().addClassPath(entry);
        }
        if (!header.deps().isEmpty()) {
            MavenConfig config = MavenConfig.of(context.env(), Path.of(System.getProperty("user.home")));
            boolean resolved = context.session()
                    .maven()
                    .add(file + ": " + ScriptHeader.DEPS, header.deps(), false, config, console, jar -> {
                        if (!context.session().spec().classPath().contains(jar.toString()))
                            context.session().addClassPath(jar.toString());
                    });
            if (!resolved) return false;
        }
        List<String> missing = new ArrayList<>(header.engineOptions());
        missing.removeAll(context.session().spec().engineOptions());
        if (!missing.isEmpty()) {
            console.warn(file + " asks for engine options " + String.join(" ", missing)
                    + " that this session's engine was not started with; they are not applied. Next: perfshell run "
                    + file + ", or start perfshell with -R " + String.join(" -R ", missing));
        }
        return true;
    }

    /** The script's inputs, split as a script run splits them. */
    static List<String> inputs(Path file, MagicContext context) throws IOException {
        String text = ScriptText.read(file);
        ScriptSource source = new ScriptSource(
                new BufferedReader(new StringReader(text)),
                file,
                context.scripts().completeness());
        List<String> inputs = new ArrayList<>();
        for (String input = source.next(); input != null; input = source.next()) inputs.add(input);
        return inputs;
    }
}
