package dev.perfshell.repl.magic;

import dev.perfshell.repl.script.MagicArgs;
import java.util.List;
import picocli.CommandLine;

/**
 * Where a magic's code begins: picocli takes the leading options ({@link MagicRegistry#commandLineOf}
 * stops at the first positional, {@code --} ends options), and every token it leaves as a positional
 * parameter is code. Running a magic and completing one both cut here, so Tab treats as code exactly
 * what would run as code.
 */
public final class CodeStart {
    private CodeStart() {}

    /**
     * Parses the options of {@code args} into {@code line}.
     *
     * @return the offset in {@code args} where the code starts; {@code args.length()} when there is none
     * @throws CommandLine.ParameterException as picocli reports a bad option
     */
    public static int parse(CommandLine line, String args) {
        List<MagicArgs.Token> tokens = MagicArgs.tokenize(args);
        line.parseArgs(texts(tokens));
        int first = firstCodeToken(line, tokens.size());
        return first == tokens.size() ? args.length() : tokens.get(first).start();
    }

    /** After {@code parsed} took {@code tokenCount} tokens: the index of the first one that is code. */
    static int firstCodeToken(CommandLine parsed, int tokenCount) {
        int codeTokens = parsed.getCommandSpec().positionalParameters().stream()
                .mapToInt(p -> p.stringValues().size())
                .sum();
        return tokenCount - codeTokens;
    }

    static String[] texts(List<MagicArgs.Token> tokens) {
        return tokens.stream().map(MagicArgs.Token::text).toArray(String[]::new);
    }
}
