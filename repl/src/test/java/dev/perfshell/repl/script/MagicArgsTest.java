package dev.perfshell.repl.script;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.script.MagicArgs.Token;
import org.junit.jupiter.api.Test;

class MagicArgsTest {

    @Test
    void splitsOnWhitespaceAndKeepsOffsets() {
        assertThat(MagicArgs.tokenize("  -n 3   fib(20)"))
                .containsExactly(new Token("-n", 2), new Token("3", 5), new Token("fib(20)", 9));
    }

    @Test
    void emptyAndBlankGiveNoTokens() {
        assertThat(MagicArgs.tokenize("")).isEmpty();
        assertThat(MagicArgs.tokenize(" \t  ")).isEmpty();
    }

    @Test
    void offsetLetTheCodeBeCutVerbatim() {
        String args = " --label f String.format(\"%.3f\",  x)";
        var tokens = MagicArgs.tokenize(args);
        assertThat(tokens.get(2).start()).isEqualTo(args.indexOf("String"));
        assertThat(args.substring(tokens.get(2).start())).isEqualTo("String.format(\"%.3f\",  x)");
    }

    @Test
    void doubleQuotesGroupAndAreRemoved() {
        assertThat(MagicArgs.tokenize("--setup \"var a = Perf.ints(n, 1)\" a.length"))
                .containsExactly(
                        new Token("--setup", 0), new Token("var a = Perf.ints(n, 1)", 8), new Token("a.length", 34));
    }

    @Test
    void quotesJoinAdjacentTextIntoOneToken() {
        assertThat(MagicArgs.tokenize("a\"b c\"d e")).containsExactly(new Token("ab cd", 0), new Token("e", 8));
    }

    @Test
    void javaEscapesInsideQuotes() {
        assertThat(MagicArgs.tokenize("\"a\\tb\\nc\\\"d\\\\e\\'f\\0\\r\\b\\f\\q\""))
                .extracting(Token::text)
                .containsExactly("a\tb\nc\"d\\e'f\0\r\b\fq");
    }

    @Test
    void backslashOutsideQuotesIsLiteral() {
        assertThat(MagicArgs.tokenize("a\\nb")).extracting(Token::text).containsExactly("a\\nb");
    }

    @Test
    void singleQuoteIsNotAQuote() {
        assertThat(MagicArgs.tokenize("'a' ' '"))
                .containsExactly(new Token("'a'", 0), new Token("'", 4), new Token("'", 6));
    }

    @Test
    void emptyQuotesAreAnEmptyToken() {
        assertThat(MagicArgs.tokenize("-o \"\" x"))
                .containsExactly(new Token("-o", 0), new Token("", 3), new Token("x", 6));
    }

    @Test
    void unterminatedQuoteRunsToTheEnd() {
        assertThat(MagicArgs.tokenize("x \"abc def")).containsExactly(new Token("x", 0), new Token("abc def", 2));
        assertThat(MagicArgs.tokenize("\"abc\\")).extracting(Token::text).containsExactly("abc\\");
    }

    @Test
    void endsInTokenTellsAWordBeingTypedFromANewOne() {
        assertThat(MagicArgs.endsInToken(" -f fi")).isTrue();
        assertThat(MagicArgs.endsInToken(" -f ")).isFalse();
        assertThat(MagicArgs.endsInToken("")).isFalse();
        // An open quote holds the space: the word goes on.
        assertThat(MagicArgs.endsInToken(" --label \"a ")).isTrue();
        assertThat(MagicArgs.endsInToken(" --label \"a b\"")).isTrue();
        assertThat(MagicArgs.endsInToken(" --label \"a b\" ")).isFalse();
    }
}
