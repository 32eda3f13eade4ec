package dev.perfshell.repl.magic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code %load FILE.jsh}: puts a script's inputs into the session as if typed, each shown after a prompt,
 * so they enter {@code %history} one by one (and {@code %save} writes them back). Like typing, a failing
 * input does not stop the ones after it.
 */
@Command(
        name = "load",
        description = "Type a .jsh script's inputs into the session, showing each: %%load FILE.jsh",
        footer = {"", "Unlike %%run, the inputs enter %%history one by one. A failing input does not stop the rest."})
final class LoadMagic extends BaseMagic {
    @Parameters(
            paramLabel = "FILE.jsh",
            arity = "0..*",
            hideParamSyntax = true,
            description = "The script whose inputs to type.")
    List<String> arguments = new ArrayList<>();

    @Override
    public boolean run(MagicContext context, MagicInput input) throws Exception {
        Path file = ScriptFiles.file("%load", input.code(), context.console());
        if (file == null || !ScriptFiles.applyHeader("%load", file, context)) return false;
        List<String> inputs = ScriptFiles.inputs(file, context);
        return context.scripts().load(file, () -> {
            int failed = 0;
            for (String typed : inputs) {
                if (!context.scripts().typed(typed)) failed++;
            }
            if (failed > 0) {
                context.console()
                        .error("%load: " + failed + " of " + inputs.size() + " inputs from " + file
                                + " failed (shown above).");
            }
            return failed == 0;
        });
    }
}
