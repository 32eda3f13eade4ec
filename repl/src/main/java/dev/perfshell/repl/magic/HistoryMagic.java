package dev.perfshell.repl.magic;

import dev.perfshell.repl.command.SessionListing;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code %history [-n] [RANGE]}: this session's inputs, magics included (IPython's options). */
@Command(name = "history", description = "Show this session's inputs: %%history [-n] [N | A-B].")
final class HistoryMagic extends BaseMagic {
    @Parameters(
            paramLabel = "[N | A-B]",
            arity = "0..*",
            hideParamSyntax = true,
            description = "The last N inputs, or inputs A to B (numbers as -n shows them); nothing for all.")
    List<String> arguments = new ArrayList<>();

    @Option(names = "-n", description = "Number the inputs.")
    boolean numbered;

    @Override
    public boolean run(MagicContext context, MagicInput input) {
        return SessionListing.history(context.history(), input.code().strip(), numbered, context.console());
    }
}
