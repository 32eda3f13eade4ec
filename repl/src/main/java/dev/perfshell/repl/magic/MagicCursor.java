package dev.perfshell.repl.magic;

import dev.perfshell.repl.script.MagicArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the word at the cursor in a magic's first line is to the magic: an option's name, an option's
 * value, or code. The tokens before the word are parsed as {@link MagicRunner} parses the whole line
 * (picocli, options lead, {@code --} ends them, {@link CodeStart}), so Tab offers what running the line
 * would take there: {@code %lprun -f fib gr} has code at {@code gr}, {@code %lprun -f gr} a method.
 *
 * @param role   what the word is
 * @param start  where, in the argument text, the text that a completion replaces starts: for a name or a
 *               value the word (after an opening quote, after {@code --name=}); for code the code's start
 * @param option for {@link Role#OPTION_VALUE}, whose value it is; otherwise {@code null}
 */
public record MagicCursor(Role role, int start, OptionSpec option) {
    public enum Role {
        /** An option can stand here and the word starts with {@code -}. */
        OPTION_NAME,
        /** The value of {@link #option()}. */
        OPTION_VALUE,
        /** Part of the magic's code, which starts at {@link #start()}. */
        CODE,
        /** Nothing sensible: the line before the word is already wrong, or the word's quoting is too involved. */
        NONE
    }

    /** Stands in for the word being typed: a plain word, neither an option nor {@code --}, that no one types. */
    private static final String PLAIN_WORD = "perfshell_completion_probe";

    /**
     * @param parser a fresh picocli model of the magic for each call (a parse leaves values in it)
     * @param args   the argument text after the magic's name, up to the cursor
     */
    public static MagicCursor at(Supplier<CommandLine> parser, String args) {
        List<MagicArgs.Token> tokens = MagicArgs.tokenize(args);
        boolean inWord = MagicArgs.endsInToken(args);
        List<MagicArgs.Token> before = inWord ? tokens.subList(0, tokens.size() - 1) : tokens;
        int wordStart = inWord ? tokens.get(tokens.size() - 1).start() : args.length();
        String word = inWord ? tokens.get(tokens.size() - 1).text() : "";
        String raw = args.substring(wordStart);
        if (word.startsWith("-") && optionCanStand(parser.get(), before))
            return optionName(parser.get(), wordStart, raw);

        CommandLine line = parser.get();
        try {
            line.parseArgs(CodeStart.texts(before));
        } catch (CommandLine.MissingParameterException e) {
            // The last token is an option that needs a value: the word is that value.
            if (e.getMissing().isEmpty() || !(e.getMissing().get(0) instanceof OptionSpec option)) return none();
            return value(option, wordStart, raw);
        } catch (CommandLine.ParameterException e) {
            return none(); // an unknown option or a bad value before the word: running the line would fail there
        }

        List<String> probe = new ArrayList<>(List.of(CodeStart.texts(before)));
        probe.add(PLAIN_WORD);
        line = parser.get();
        try {
            line.parseArgs(probe.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return none();
        }
        // An option with an optional value (-o [NAME]) takes a plain word that follows it.
        for (OptionSpec option : line.getCommandSpec().options()) {
            List<String> values = option.originalStringValues();
            if (!values.isEmpty() && values.get(values.size() - 1).equals(PLAIN_WORD))
                return value(option, wordStart, raw);
        }
        int firstCode = CodeStart.firstCodeToken(line, probe.size());
        if (firstCode < before.size())
            return new MagicCursor(Role.CODE, tokens.get(firstCode).start(), null);
        return new MagicCursor(Role.CODE, wordStart, null);
    }

    /** Whether picocli would read an option here: an option (the help flag every magic has) put here is taken as one. */
    private static boolean optionCanStand(CommandLine line, List<MagicArgs.Token> before) {
        OptionSpec help = line.getCommandSpec().options().stream()
                .filter(OptionSpec::usageHelp)
                .findFirst()
                .orElse(null);
        if (help == null) return false;
        List<String> probe = new ArrayList<>(List.of(CodeStart.texts(before)));
        probe.add(help.longestName());
        try {
            line.parseArgs(probe.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            return false; // e.g. taken as the missing value of the option before it
        }
        return line.isUsageHelpRequested() && CodeStart.firstCodeToken(line, probe.size()) == probe.size();
    }

    /** {@code -x} or, when it names an option that takes a value, {@code --name=value}: that option's value. */
    private static MagicCursor optionName(CommandLine line, int wordStart, String raw) {
        int equals = raw.indexOf('=');
        if (equals > 0) {
            OptionSpec option = line.getCommandSpec().findOption(raw.substring(0, equals));
            if (option == null || option.arity().max() == 0) return none();
            return value(option, wordStart + equals + 1, raw.substring(equals + 1));
        }
        return plain(raw) ? new MagicCursor(Role.OPTION_NAME, wordStart, null) : none();
    }

    /** The value of {@code option}, begun at {@code start} as {@code raw}; a leading quote stays the user's. */
    private static MagicCursor value(OptionSpec option, int start, String raw) {
        boolean quoted = raw.startsWith("\"");
        String text = quoted ? raw.substring(1) : raw;
        if (!plain(text)) return none();
        return new MagicCursor(Role.OPTION_VALUE, quoted ? start + 1 : start, option);
    }

    /** Text that reads the same quoted or not, so a candidate can replace it as typed. */
    private static boolean plain(String text) {
        return text.indexOf('"') < 0 && text.indexOf('\\') < 0;
    }

    private static MagicCursor none() {
        return new MagicCursor(Role.NONE, -1, null);
    }
}
