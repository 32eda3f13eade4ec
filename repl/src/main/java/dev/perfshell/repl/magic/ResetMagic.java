package dev.perfshell.repl.magic;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code %reset}: a clean session, the engine restarted with no snippets (jshell's /reset). */
@Command(name = "reset", description = "Forget every snippet and restart the engine (like /reset).")
final class ResetMagic extends BaseMagic {
    @Option(names = "-f", description = "Accepted for IPython habits; perfshell never asks.")
    boolean force;

    @Override
    public boolean run(MagicContext context, MagicInput input) {
        context.session().reset();
        context.console().println("Session reset: the engine restarted with no snippets.");
        return true;
    }
}
