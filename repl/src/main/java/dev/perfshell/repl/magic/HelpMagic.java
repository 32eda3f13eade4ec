package dev.perfshell.repl.magic;

import dev.perfshell.repl.shell.Console;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Optional;

/** {@code %help [NAME]}: a magic's usage, or the list of magics. */
@Command(name = "help", description = "Show a magic's options: %%help NAME.")
final class HelpMagic extends BaseMagic {
    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        String name = input.code().strip().replaceFirst("^%+", "");
        if (name.isEmpty()) return new LsmagicMagic().run(context, input);
        Optional<CommandLine> line = context.registry().commandLine(name);
        if (line.isEmpty()) {
            String close = context.registry().suggestions(name).stream().findFirst().map(n -> " Did you mean %" + n + "?").orElse(" Next: %lsmagic lists the magics.");
            console.error("Unknown magic %" + name + "." + close);
            return false;
        }
        console.println(line.get().getUsageMessage(console.color() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF).stripTrailing());
        return true;
    }
}
