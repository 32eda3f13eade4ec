package dev.perfshell.repl.magic;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;

/**
 * What every magic accepts: {@code -h/--help}, and the code after its options. Picocli only counts
 * the code's tokens; the code itself is cut from the typed line by offset, so spacing, quotes and
 * braces survive ({@code %time f("a  b")}).
 */
public abstract class BaseMagic implements Magic {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;

    @Parameters(paramLabel = "CODE", arity = "0..*", hideParamSyntax = true,
            description = "Java code, taken verbatim. Use -- before code that starts with '-'.")
    List<String> codeTokens = new ArrayList<>();
}
