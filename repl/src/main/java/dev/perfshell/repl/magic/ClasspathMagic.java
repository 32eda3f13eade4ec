package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.script.MagicArgs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %classpath add JAR...}: make jars or class folders visible to snippets (compiler and engine). */
@Command(
        name = "classpath",
        description = "Show the user class path, or add jars and folders to it: %%classpath add JAR...",
        footer = {
            "",
            "Added entries stay after an engine restart. The shell's own libraries are never visible to snippets."
        })
final class ClasspathMagic extends BaseMagic {
    @Parameters(
            paramLabel = "[add JAR...]",
            arity = "0..*",
            hideParamSyntax = true,
            description = "Nothing to list the class path; add and jar files or folders to extend it.")
    List<String> arguments = new ArrayList<>();

    @Override
    public boolean run(MagicContext context, MagicInput input) {
        Console console = context.console();
        List<String> words = MagicArgs.words(input.code());
        if (words.isEmpty()) {
            List<String> entries = context.session().spec().classPath();
            if (entries.isEmpty()) console.println("No user class path. Next: %classpath add path/to/lib.jar");
            entries.forEach(console::println);
            return true;
        }
        if (!words.get(0).equals("add") || words.size() < 2) {
            console.error("%classpath: expected 'add JAR...', got '"
                    + input.code().strip() + "'. Example: %classpath add lib/guava.jar");
            return false;
        }
        for (String word : words.subList(1, words.size())) {
            Path path = Path.of(word).toAbsolutePath().normalize();
            if (!Files.exists(path)) {
                console.error("%classpath: no such file or folder: " + word
                        + ". Next: check the path (Tab completes file names).");
                return false;
            }
            context.session().addClassPath(path.toString());
            console.println("added " + path);
        }
        return true;
    }
}
