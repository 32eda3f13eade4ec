package dev.perfshell.repl.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code %run [--keep-going] FILE.jsh}: runs a saved perf script in this session, as {@code perfshell run}
 * would in a new one: its declarations stay, its results join this session's, its inputs stay out of
 * {@code %history} (the {@code %run} line is there).
 */
@Command(
        name = "run",
        description = "Run a .jsh script in this session: %%run [--keep-going] FILE.jsh",
        footer = {
            "",
            "The script's declarations and results stay in the session. A //CLASSPATH line in the script adds to the class path; //ENGINE options need a new engine (perfshell run FILE.jsh, or -R at start)."
        })
final class RunMagic extends BaseMagic {
    @Parameters(paramLabel = "FILE.jsh", arity = "0..*", hideParamSyntax = true, description = "The script to run.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "--keep-going", description = "Go on after a failing input.")
    boolean keepGoing;

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Path file = ScriptFiles.file("%run", input.code(), context.console());
        if (file == null || !ScriptFiles.applyHeader("%run", file, context)) return false;
        return context.scripts().runFile(file, keepGoing);
    }
}
