package dev.perfshell.repl.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.session.InputHistory;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionListingTest {
    private final InputHistory history = new InputHistory();
    private StringWriter written;
    private Console console;

    @BeforeEach
    void setUp() {
        written = new StringWriter();
        console = new Console(written, false);
        for (String input : List.of("int a = 1;", "  %time a + 1  ", "", "int f() {\n  return a;\n}", "/vars", "f()")) {
            history.add(input);
        }
    }

    private List<String> lines() {
        return written.toString().lines().toList();
    }

    @Test
    void historySkipsBlanksAndStrips() {
        assertThat(history.all())
                .containsExactly("int a = 1;", "%time a + 1", "int f() {\n  return a;\n}", "/vars", "f()");
    }

    @Test
    void allInputs() {
        assertThat(SessionListing.history(history, "", false, console)).isTrue();
        assertThat(lines())
                .containsExactly("int a = 1;", "%time a + 1", "int f() {", "  return a;", "}", "/vars", "f()");
    }

    @Test
    void numberedWithContinuationLinesIndented() {
        assertThat(SessionListing.history(history, "", true, console)).isTrue();
        assertThat(lines())
                .containsExactly(
                        "  1: int a = 1;",
                        "  2: %time a + 1",
                        "  3: int f() {",
                        "       return a;",
                        "     }",
                        "  4: /vars",
                        "  5: f()");
    }

    @Test
    void lastN() {
        assertThat(SessionListing.history(history, "2", true, console)).isTrue();
        assertThat(lines()).containsExactly("  4: /vars", "  5: f()");
    }

    @Test
    void range() {
        assertThat(SessionListing.history(history, "1-2", true, console)).isTrue();
        assertThat(lines()).containsExactly("  1: int a = 1;", "  2: %time a + 1");
    }

    @Test
    void rangePastTheEndIsClipped() {
        assertThat(SessionListing.history(history, "4-99", false, console)).isTrue();
        assertThat(lines()).containsExactly("/vars", "f()");
    }

    @Test
    void badRangeIsOneErrorLine() {
        assertThat(SessionListing.history(history, "x", false, console)).isFalse();
        assertThat(lines())
                .containsExactly("history: 'x' is not a range. Examples: %history 5 (last five), %history 2-4");
    }
}
