package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import picocli.CommandLine.Command;

/** {@code %lsmagic}: every magic with its one-line description, in the registry's order. */
@Command(name = "lsmagic", description = "List the magics.")
final class LsmagicMagic extends BaseMagic {
    @Override
    public boolean run(MagicContext context, MagicInput input) {
        Console console = context.console();
        MagicRegistry registry = context.registry();
        console.println("Magics (%name --help for options; %%name for the cell form where shown):");
        for (String name : registry.names()) {
            String cell = registry.create(name).map(Magic::acceptsCell).orElse(false) ? "  %%" + name : "";
            console.println(String.format(
                    "  %%%-10s %s%s", name, registry.summary(name), cell.isEmpty() ? "" : "  [" + cell.strip() + "]"));
        }
        console.println(
                "Commands: /vars /methods /types /imports /list /drop /edit /open /history /reset /reload /exit /help");
        return true;
    }
}
