package dev.perfshell.repl.magic;

import dev.perfshell.repl.command.SessionListing;
import picocli.CommandLine.Command;

/** {@code %who}: the session's variables with their types and values (jshell's /vars). */
@Command(name = "who", description = "List the session's variables with types and values (like /vars).")
final class WhoMagic extends BaseMagic {
    @Override
    public boolean run(MagicContext context, MagicInput input) {
        SessionListing.vars(context.session(), context.console());
        return true;
    }
}
