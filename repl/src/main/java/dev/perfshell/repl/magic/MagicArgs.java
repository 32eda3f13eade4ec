package dev.perfshell.repl.magic;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a magic's argument text into tokens that remember where they start, so that after
 * picocli has taken the leading options the code can be cut from the original text verbatim
 * (DESIGN.md §5). Double quotes group a value and take Java escapes; {@code '} is Java's char
 * delimiter, not a quote. An unterminated quote runs to the end rather than failing: it may be code.
 */
public final class MagicArgs {
    /** One token: its unquoted text and its offset in the argument text. */
    public record Token(String text, int start) {}

    private MagicArgs() {}

    public static List<Token> tokenize(String args) {
        List<Token> tokens = new ArrayList<>();
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
        }
        return tokens;
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
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case 'b': return '\b';
            case 'f': return '\f';
            case '0': return '\0';
            default: return c; // \" \\ \' and anything else stand for themselves
        }
    }
}
