package dev.perfshell.repl.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.Golden;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** jshell-style feedback from real JShell events (local execution: same JVM, no engine). */
class FeedbackRendererTest {
    private JShell jshell;
    private final FeedbackRenderer renderer = new FeedbackRenderer();

    @BeforeEach
    void start() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        jshell = JShell.builder().executionEngine("local").out(sink).err(sink).build();
    }

    @AfterEach
    void close() {
        jshell.close();
    }

    private FeedbackRenderer.Feedback eval(String source) {
        List<SnippetEvent> events = jshell.eval(source);
        return renderer.render(new EvalOutcome(source, events, false, false, 0), jshell);
    }

    private List<String> values(String source) {
        FeedbackRenderer.Feedback feedback = eval(source);
        assertThat(feedback.errors()).as("errors of %s", source).isEmpty();
        assertThat(feedback.failed()).isFalse();
        return feedback.values();
    }

    private List<String> errors(String source) {
        FeedbackRenderer.Feedback feedback = eval(source);
        assertThat(feedback.failed()).as("%s failed", source).isTrue();
        assertThat(feedback.values()).isEmpty();
        return feedback.errors();
    }

    @Test
    void aLongValueEchoesAsJshellsNormalModeDoesItsStartAndEnd() {
        String echo = values("int[] a = new int[1000];").get(0);
        // at most 100 characters of value: its first 63, " ... ", its last 32 (a separator or space at the cut dropped)
        assertThat(echo)
                .isEqualTo(
                        "a ==> int[1000] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ... 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }");
        assertThat(echo.length()).isLessThanOrEqualTo(106);
        assertThat(values("String s = \"short\";")).containsExactly("s ==> \"short\"");
    }

    /** Past 21,844 characters the engine link has cut the value: its start and " ...", never a false end. */
    @Test
    void aValueTheEngineLinkCutShowsNoEnd() {
        String echo = values(
                        "java.util.List<Integer> l = java.util.stream.IntStream.range(0, 1_000_000).boxed().toList();")
                .get(0);
        assertThat(echo)
                .isEqualTo(
                        "l ==> [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, ...");
        assertThat(FeedbackRenderer.truncated("x".repeat(21_843))).endsWith("x".repeat(32));
        assertThat(FeedbackRenderer.truncated("x".repeat(21_844))).isEqualTo("x".repeat(96) + " ...");
    }

    @Test
    void valuesAndDeclarations() {
        assertThat(values("1 + 1")).containsExactly("$1 ==> 2");
        assertThat(values("int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }"))
                .containsExactly("created method fib(int)");
        assertThat(values("String s = \"hi\";")).containsExactly("s ==> \"hi\"");
        assertThat(values("fib(7)")).containsExactly("$2 ==> 13");
        assertThat(values("s")).containsExactly("s ==> \"hi\"");
        assertThat(values("long add(long a, long b) { return a + b; }"))
                .containsExactly("created method add(long,long)");
        assertThat(values("class A {}")).containsExactly("created class A");
        assertThat(values("interface I {}")).containsExactly("created interface I");
        assertThat(values("enum E { X }")).containsExactly("created enum E");
        assertThat(values("record P(int x) {}")).containsExactly("created record P");
        assertThat(values("@interface Note {}")).containsExactly("created annotation interface Note");
        assertThat(values("import java.util.*;")).isEmpty();
        assertThat(values("if (s.isEmpty()) System.out.println();")).isEmpty();
    }

    @Test
    void unresolvedDependenciesAreNamed() {
        assertThat(values("int later() { return helper() + 1; }"))
                .containsExactly(
                        "created method later(), however, it cannot be used until method helper() is declared");
        assertThat(values("int helper() { return 41; }"))
                .containsExactly("created method helper()"); // jshell is silent about the now-valid later()
        assertThat(values("later()")).containsExactly("$1 ==> 42");
    }

    @Test
    void compileErrorsGolden() {
        List<String> lines = new ArrayList<>();
        for (String source : List.of(
                "int y = \"s\";",
                "undefinedThing + 1",
                "int f() {\n    int a = 1;\n    return \"x\";\n}",
                "\tint z = true;")) {
            lines.add("# " + source.replace("\n", "\\n").replace("\t", "\\t"));
            lines.addAll(errors(source));
        }
        Golden.assertMatches("feedback-compile-errors.txt", lines);
    }

    @Test
    void compileErrorHasNoLocationNoise() {
        assertThat(errors("undefinedThing + 1")).noneMatch(line -> line.strip().startsWith("location: class"));
    }

    @Test
    void exceptionIsTrimmedToSnippetFrames() {
        values("int div(int a, int b) { return a / b; }");
        assertThat(errors("div(1, 0)"))
                .containsExactly(
                        "Exception java.lang.ArithmeticException: / by zero", "      at div (#1:1)", "      at (#2:1)");
    }

    @Test
    void causeChainIsShown() {
        assertThat(errors("throw new IllegalStateException(\"boom\", new RuntimeException(\"root\"));"))
                .containsExactly(
                        "Exception java.lang.IllegalStateException: boom",
                        "      at (#1:1)",
                        "Caused by: java.lang.RuntimeException: root",
                        "      at (#1:1)");
    }

    @Test
    void exceptionWithoutMessage() {
        assertThat(errors("throw new UnsupportedOperationException();"))
                .first()
                .isEqualTo("Exception java.lang.UnsupportedOperationException");
    }

    @Test
    void frameLineNumbersAreSnippetLines() {
        values("int third(int[] a) {\n    int x = 1;\n    return a[3];\n}");
        assertThat(errors("third(new int[2])"))
                .containsExactly(
                        "Exception java.lang.ArrayIndexOutOfBoundsException: Index 3 out of bounds for length 2",
                        "      at third (#1:3)",
                        "      at (#2:1)");
    }

    @Test
    void stackOverflowIsShortenedToEightFrames() {
        values("int depth(int n) { return depth(n + 1) + 1; }");
        List<String> lines = errors("depth(0)");
        assertThat(lines.get(0)).isEqualTo("Exception java.lang.StackOverflowError");
        assertThat(lines.subList(1, 9)).containsOnly("      at depth (#1:1)");
        assertThat(lines.get(9)).matches("      \\.\\.\\. [1-9]\\d* more snippet frames");
        assertThat(lines.get(10)).startsWith("The session is intact.").contains("-R -Xss16m");
        assertThat(lines).hasSize(11);
    }

    @Test
    void stoppedAndDeadOutcomes() {
        List<SnippetEvent> none = List.of();
        FeedbackRenderer.Feedback stopped = renderer.render(new EvalOutcome("x", none, true, false, 0), jshell);
        assertThat(stopped.errors()).containsExactly("Stopped: the snippet was interrupted (Ctrl-C).");
        FeedbackRenderer.Feedback dead = renderer.render(new EvalOutcome("x", none, false, true, 0), jshell);
        assertThat(dead.values()).isEmpty();
        assertThat(dead.errors()).isEmpty();
    }

    @Test
    void framesKeepsOnlySnippetFilesAndCountsTheRest() {
        List<StackTraceElement> stack = new ArrayList<>();
        stack.add(new StackTraceElement("java.lang.Integer", "parseInt", "Integer.java", 600));
        for (int i = 0; i < 12; i++) stack.add(new StackTraceElement("REPL.$JShell$3", "f", "#3", 2));
        stack.add(new StackTraceElement("REPL.$JShell$4", "do_it$", "#4", 1));
        stack.add(new StackTraceElement("jdk.jshell.execution.DirectExecutionControl", "invoke", null, -1));
        List<String> lines = FeedbackRenderer.frames(stack.toArray(new StackTraceElement[0]));
        assertThat(lines).hasSize(9);
        assertThat(lines.subList(0, 8)).containsOnly("      at f (#3:2)");
        assertThat(lines.get(8)).isEqualTo("      ... 5 more snippet frames");
        assertThat(FeedbackRenderer.frames(
                        new StackTraceElement[] {new StackTraceElement("REPL.$JShell$4", "do_it$", "#4", 1)}))
                .containsExactly("      at (#4:1)");
    }
}
