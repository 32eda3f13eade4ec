package dev.perfshell.repl.magic;

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
}
