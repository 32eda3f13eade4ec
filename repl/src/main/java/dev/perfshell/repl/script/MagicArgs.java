package dev.perfshell.repl.script;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a magic's argument text into tokens that remember where they start, so that after
 * picocli has taken the leading options the code can be cut from the original text verbatim.
 * Double quotes group a value and take Java escapes; {@code '} is Java's char delimiter, not a
 * quote. An unterminated quote runs to the end rather than failing: it may be code.
 */
public final class MagicArgs {
    /** One token: its unquoted text and its offset in the argument text. */
    public record Token(String text, int start) {}

    private MagicArgs() {}

    public static List<Token> tokenize(String args) {
        List<Token> tokens = new ArrayList<>();
        scan(args, tokens);
        return tokens;
    }

    /** The tokens' unquoted texts: the words of a magic that takes file names or coordinates, not code. */
    public static List<String> words(String args) {
        return tokenize(args).stream().map(Token::text).toList();
    }

    /**
     * Whether the text ends inside a token: typed up to a cursor, whether the last token is the word being
     * typed ({@code "-f fi"}, {@code "--label \"a "}) or a new word begins at the end ({@code "-f "}).
     */
    public static boolean endsInToken(String args) {
        return !args.isEmpty() && scan(args, new ArrayList<>()) == args.length();
    }

    /** Adds the tokens of {@code args}; returns where the last one ends, or -1 when there is none. */
    private static int scan(String args, List<Token> tokens) {
        int end = -1;
        int i = 0;
        int n = args.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(args.charAt(i))) i++;
            if (i >= n) break;
            int start = i;
            StringBuilder text = new StringBuilder();
            while (i < n && !Character.isWhitespace(args.charAt(i))) {
                char c = args.charAt(i);
                if (c == '"') {
                    i = quoted(args, i + 1, text);
                } else {
                    text.append(c);
                    i++;
                }
            }
            tokens.add(new Token(text.toString(), start));
            end = i;
        }
        return end;
    }

    /** Reads a quoted run after its opening quote; returns the index after the closing quote. */
    private static int quoted(String args, int from, StringBuilder text) {
        int i = from;
        while (i < args.length()) {
            char c = args.charAt(i);
            if (c == '"') return i + 1;
            if (c == '\\' && i + 1 < args.length()) {
                text.append(unescape(args.charAt(i + 1)));
                i += 2;
            } else {
                text.append(c);
                i++;
            }
        }
        return i;
    }

    private static char unescape(char c) {
        switch (c) {
            case 'n':
                return '\n';
            case 't':
                return '\t';
            case 'r':
                return '\r';
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case '0':
                return '\0';
            default:
                return c; // \" \\ \' and anything else stand for themselves
        }
    }
}
