package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code %help [NAME]}: a magic's usage, or the list of magics. */
@Command(name = "help", description = "Show a magic's options: %%help NAME.")
final class HelpMagic extends BaseMagic {
    @Parameters(
            paramLabel = "[NAME]",
            arity = "0..*",
            hideParamSyntax = true,
            description = "A magic's name, with or without %%; nothing lists the magics.")
    List<String> arguments = new ArrayList<>();

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Console console = context.console();
        String name = input.code().strip().replaceFirst("^%+", "");
        if (name.isEmpty()) return new LsmagicMagic().run(context, input);
        Optional<String> usage = context.registry().usage(name, console.color());
        if (usage.isEmpty()) {
            String close = context.registry().suggestions(name).stream()
                    .findFirst()
                    .map(n -> " Did you mean %" + n + "?")
                    .orElse(" Next: %lsmagic lists the magics.");
            console.error("Unknown magic %" + name + "." + close);
            return false;
        }
        console.println(usage.get());
        return true;
    }
}
