package dev.perfshell.repl.script;

import static org.assertj.core.api.Assertions.assertThat;

import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InputCompletenessTest {
    private static JShell jshell;
    private static InputCompleteness completeness;

    @BeforeAll
    static void start() {
        jshell = JShell.builder().executionEngine("local").build();
        completeness = new InputCompleteness(jshell::sourceCodeAnalysis);
    }

    @AfterAll
    static void close() {
        jshell.close();
    }

    @Test
    void java() {
        assertThat(completeness.complete("1 + 1")).isTrue();
        assertThat(completeness.complete("int f() {")).isFalse();
        assertThat(completeness.complete("int f() {\n  return 1;\n}")).isTrue();
        assertThat(completeness.complete("int a = 1; int b = ")).isFalse();
        assertThat(completeness.complete("int a = 1; int b = 2;")).isTrue();
        assertThat(completeness.complete("/* comment */ int a = 1;")).isTrue();
    }

    @Test
    void bodylessForWaitsForABlankLine() {
        assertThat(completeness.complete("for (int i = 0; i < 3; i++)")).isFalse();
        assertThat(completeness.complete("for (int i = 0; i < 3; i++)\n")).isTrue();
    }

    @Test
    void magicsAndCommandsAreOneLine() {
        assertThat(completeness.complete("%time fib(")).isTrue();
        assertThat(completeness.complete("/vars")).isTrue();
    }

    @Test
    void cellEndsAtABlankLineOnlyWhenTheBodyIsComplete() {
        assertThat(completeness.complete("%%time")).isFalse();
        assertThat(completeness.complete("%%time\nint a = 1;")).isFalse();
        assertThat(completeness.complete("%%time\nint a = 1;\n")).isTrue();
        assertThat(completeness.complete("%%time\nint f() {\n")).isFalse();
        assertThat(completeness.complete("%%time\nint f() {\n\n  return 1;\n}\n"))
                .isTrue();
        assertThat(completeness.complete("%%time\nint f() {\n%%end")).isTrue();
    }

    @Test
    void aCellNameThatOpensNoCellIsCompleteAtItsFirstLine() {
        // %%timeitt was refused only after its whole body had been typed.
        InputCompleteness typed = new InputCompleteness(jshell::sourceCodeAnalysis, name -> name.equals("timeit"));
        assertThat(typed.complete("%%timeitt -n 5")).isTrue();
        assertThat(typed.complete("  %%env")).isTrue();
        assertThat(typed.complete("%%")).isTrue();
        assertThat(typed.complete("%%timeit -n 5")).isFalse();
        assertThat(typed.complete("%%timeit\nint a = 1;\n")).isTrue();
        // A script's reader keeps the body, so it is refused with it and never run line by line as Java.
        assertThat(completeness.complete("%%timeitt -n 5")).isFalse();
    }

    @Test
    void theCellNameIsTheWordAfterThePercentSigns() {
        assertThat(InputCompleteness.cellName("%%timeit -n 5 int[] a = {1};")).isEqualTo("timeit");
        assertThat(InputCompleteness.cellName("  %%compare\nx")).isEqualTo("compare");
        assertThat(InputCompleteness.cellName("%%")).isEmpty();
    }

    @Test
    void cellBodyDropsTheHeaderAndEnd() {
        assertThat(InputCompleteness.cellBody("%%time\nint a = 1;\nlong b = 2;\n\n"))
                .isEqualTo("int a = 1;\nlong b = 2;");
        assertThat(InputCompleteness.cellBody("%%time\nint a = 1;\n%%end")).isEqualTo("int a = 1;");
        assertThat(InputCompleteness.cellBody("%%time")).isEmpty();
    }
}
