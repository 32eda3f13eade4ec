package dev.perfshell.repl.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;

/** What the line editor makes of typed closing brackets, with the shell's indentation of 4. */
class ClosingBracketsTest {
    private static String typed(String keys, boolean installed) throws IOException {
        // An xterm, not a dumb terminal: a dumb one gets a key map of its own, without the bracket widgets.
        try (Terminal terminal = new ExternalTerminal(
                "test",
                "xterm",
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)),
                new ByteArrayOutputStream(),
                StandardCharsets.UTF_8)) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .variable(LineReader.INDENTATION, 4)
                    .variable(LineReader.BLINK_MATCHING_PAREN, 0)
                    .build();
            if (installed) ClosingBrackets.install(reader);
            return reader.readLine("perf> ");
        }
    }

    @Test
    void jlineAloneDeletesTheSpacesBeforeAClosingBracket() throws IOException {
        // The cause, pinned: JLine's insert-close-curly dedents wherever the bracket is typed.
        assertThat(typed("int[] v = { 1, 2 };\r", false)).isEqualTo("int[] v = { 1, 2};");
    }

    @Test
    void spacesBeforeAClosingBracketInsideALineAreKept() throws IOException {
        assertThat(typed("int[] v = { 1, 2 };\r", true)).isEqualTo("int[] v = { 1, 2 };");
        assertThat(typed("f( 1 ) + a[ 0 ]\r", true)).isEqualTo("f( 1 ) + a[ 0 ]");
    }

    @Test
    void aClosingBraceOnItsOwnLineIsStillDedented() throws IOException {
        // Ctrl-V Ctrl-J puts a newline in the buffer without accepting it.
        assertThat(typed("void f() {\u0016\n        a();\u0016\n        }\r", true))
                .isEqualTo("void f() {\n        a();\n    }");
    }
}
