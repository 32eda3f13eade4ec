package dev.perfshell.repl.magic;

import dev.perfshell.repl.command.SessionListing;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code %history [-n] [RANGE]}: this session's inputs, magics included (IPython's options). */
@Command(name = "history", description = "Show this session's inputs: %%history [-n] [N | A-B].")
final class HistoryMagic extends BaseMagic {
    @Option(names = "-n", description = "Number the inputs.")
    boolean numbered;

    @Override
    public boolean run(MagicContext context, MagicInput input) {
        return SessionListing.history(context.history(), input.code().strip(), numbered, context.console());
    }
}
