package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Parameters;

/** A magic that measures or runs Java code: the code follows its options. */
public abstract class CodeMagic extends BaseMagic {
    @Parameters(
            paramLabel = "CODE",
            arity = "0..*",
            hideParamSyntax = true,
            description = "Java code, taken verbatim. Use -- before code that starts with '-'.")
    List<String> codeTokens = new ArrayList<>();

    @Override
    public boolean takesJava() {
        return true;
    }

    /**
     * The code to run, or {@code null} after printing {@code usage} (what the magic needs, with an example): every
     * magic that runs code refuses an empty line alike, before it looks at its options.
     */
    static String requiredCode(MagicInput input, Console console, String usage) {
        String code = input.text();
        if (!code.isBlank()) return code;
        console.error(usage);
        return null;
    }
}
