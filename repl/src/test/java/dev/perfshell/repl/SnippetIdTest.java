package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Snippet ids as jshell numbers them: every snippet its own id, redefinitions included. */
class SnippetIdTest {
    @Test
    void redefinitionsGetNewIdsAndStackFramesNameThem() {
        ScriptRun run = ScriptRun.piped(String.join(
                "\n",
                "int x = 1;",
                "int x = 2;",
                "int f() { return 1; }",
                "int f() { return 10 / (x - 2); }",
                "/list",
                "f()",
                ""));
        assertThat(run.lines())
                .as(run.toString())
                .contains("   2 : int x = 2;", "   4 : int f() { return 10 / (x - 2); }")
                .doesNotContain("   1 : int x = 1;", "   3 : int f() { return 1; }")
                .contains("      at f (#4:1)");
    }
}
