package dev.perfshell.repl.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaretTest {

    @Test
    void aVeryLongLineShowsAWindowAroundTheCulprit() {
        String source = "String s = \"" + "x".repeat(10_000) + "\"; int y = nosuch;";
        int position = source.indexOf("nosuch");
        java.util.List<String> lines = Caret.under(source, position, position, position + 6);
        assertThat(lines.get(0))
                .startsWith("    ...")
                .endsWith("int y = nosuch;")
                .hasSizeLessThanOrEqualTo(4 + 3 + Caret.MAX_WIDTH);
        assertThat(lines.get(0).indexOf("nosuch")).isEqualTo(lines.get(1).indexOf("^^^^^^"));
        assertThat(lines.get(1).strip()).isEqualTo("^^^^^^");
    }

    @Test
    void underlinesFromStartToEnd() {
        assertThat(Caret.under("int y = \"s\";", 8, 8, 11)).containsExactly("    int y = \"s\";", "            ^^^");
    }

    @Test
    void singleCaretWhenThereIsNoRange() {
        assertThat(Caret.under("abc", -1, 1, -1)).containsExactly("    abc", "     ^");
    }

    @Test
    void picksTheLineOfThePosition() {
        String source = "int f() {\n  return \"x\";\n}";
        int pos = source.indexOf("\"x\"");
        assertThat(Caret.under(source, pos, pos, pos + 3)).containsExactly("      return \"x\";", "             ^^^");
    }

    @Test
    void rangeIsClippedToTheLine() {
        String source = "foo(\n  bar)";
        assertThat(Caret.under(source, 0, 0, source.length())).containsExactly("    foo(", "    ^^^^");
    }

    @Test
    void tabsAreKeptSoTheCaretLinesUp() {
        assertThat(Caret.under("\tx = 1;", 1, 1, 2)).containsExactly("    \tx = 1;", "    \t^");
    }

    @Test
    void positionAtTheEndOfTheSource() {
        assertThat(Caret.under("abc", 3, 3, 3)).containsExactly("    abc", "       ^");
    }

    @Test
    void noLinesWithoutAPosition() {
        assertThat(Caret.under("abc", -1, -1, -1)).isEmpty();
        assertThat(Caret.under("abc", 0, 4, 4)).isEmpty();
        assertThat(Caret.under(null, 0, 0, 0)).isEmpty();
    }
}
