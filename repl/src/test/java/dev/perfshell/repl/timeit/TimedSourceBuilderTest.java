package dev.perfshell.repl.timeit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfshell.engine.EngineAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The generated Timed class, compiled in a local JShell that has the engine's classes on its class path. */
class TimedSourceBuilderTest {
    private static final AtomicInteger NUMBERS = new AtomicInteger();
    private static JShell jshell;
    private static TimedSourceBuilder builder;

    @BeforeAll
    static void session() throws Exception {
        jshell = JShell.builder().executionEngine("local").build();
        String override = System.getProperty("perfshell.engine.jar");
        Path jar = override != null && Files.isRegularFile(Path.of(override))
                ? Path.of(override)
                : Path.of(EngineAgent.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI());
        jshell.addToClasspath(jar.toString());
        for (String declaration : List.of(
                "double x = 3.7;",
                "int[] data = {1, 2, 3};",
                "int twice(int v) { return v * 2; }",
                "void sideEffect() { }")) {
            assertThat(jshell.eval(declaration)).allMatch(e -> e.status() == Snippet.Status.VALID);
        }
        builder = new TimedSourceBuilder(jshell.sourceCodeAnalysis());
    }

    @AfterAll
    static void close() {
        jshell.close();
    }

    private static TimedSource build(String code, String setup) throws Exception {
        return builder.build("PerfshellTimedTest" + NUMBERS.incrementAndGet(), code, setup, false);
    }

    private static void assertCompiles(TimedSource source) {
        List<SnippetEvent> events = jshell.eval(source.source());
        assertThat(events).as(source.source()).isNotEmpty();
        String diagnostics = jshell.diagnostics(events.get(0).snippet())
                .map(d -> d.getMessage(null))
                .collect(Collectors.joining("\n"));
        assertThat(events.get(0).status())
                .as(source.source() + "\n" + diagnostics)
                .isEqualTo(Snippet.Status.VALID);
        jshell.drop(events.get(0).snippet());
    }

    private static String method(String source, String name) {
        java.util.regex.Matcher declaration =
                Pattern.compile("(void|long) " + Pattern.quote(name) + "\\(").matcher(source);
        assertThat(declaration.find()).as(name + " in\n" + source).isTrue();
        int start = declaration.start();
        int open = source.indexOf('{', start);
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            if (source.charAt(i) == '{') depth++;
            else if (source.charAt(i) == '}' && --depth == 0) return source.substring(open, i + 1);
        }
        throw new AssertionError("unbalanced " + name + " in\n" + source);
    }

    private static void assertRegion(String source, TimedSource.Region region, String expected) {
        assertThat(region.text()).isEqualTo(expected);
        assertThat(source.substring(
                        region.offset(), region.offset() + region.text().length()))
                .as(source)
                .isEqualTo(expected);
    }

    @Test
    void expressionCompilesAndIsConsumedInThePayload() throws Exception {
        TimedSource source = build("Math.sqrt(x) * x + 1.0", "");
        assertCompiles(source);
        assertThat(source.className()).startsWith("PerfshellTimedTest");
        assertThat(source.source())
                .contains("class " + source.className() + " implements dev.perfshell.timing.runtime.Timed");
        String payload = method(source.source(), "perfshell$payload");
        assertThat(payload.replaceAll("\\s+", " ")).contains("bh.consume( Math.sqrt(x) * x + 1.0 );");
        assertThat(method(source.source(), "perfshell$loop"))
                .contains("perfshell$payload(bh)")
                .doesNotContain("Math.sqrt");
        assertRegion(source.source(), source.code(), "Math.sqrt(x) * x + 1.0");
    }

    @Test
    void expressionWithTrailingSemicolonIsStillAnExpression() throws Exception {
        TimedSource source = build("twice(3);", "");
        assertCompiles(source);
        assertThat(method(source.source(), "perfshell$payload").replaceAll("\\s+", " "))
                .contains("bh.consume( twice(3) );");
        assertRegion(source.source(), source.code(), "twice(3)");
    }

    @Test
    void setupDeclarationsBecomeFieldsNotLocals() throws Exception {
        TimedSource source = build("Math.sqrt(d) * d + n", "double d = 3.7; int n = 5;");
        assertCompiles(source);
        String text = source.source();
        String classBody = text.substring(0, text.indexOf("perfshell$setup"));
        assertThat(classBody).contains("double d;").contains("int n;");
        String setup = method(text, "perfshell$setup");
        assertThat(setup)
                .contains("d = 3.7;")
                .contains("n = 5;")
                .doesNotContain("double d")
                .doesNotContain("int n");
        assertThat(method(text, "perfshell$loop"))
                .doesNotContainPattern("\\bd\\b")
                .doesNotContain("3.7");
        assertThat(method(text, "perfshell$payload")).doesNotContain("double d").doesNotContain("3.7");
        assertRegion(text, source.setup(), "d = 3.7;\nn = 5;");
        assertRegion(text, source.code(), "Math.sqrt(d) * d + n");
    }

    @Test
    void setupWhoseLastStatementLacksItsSemicolonCompiles() throws Exception {
        // As jshell accepts 'x = f()': %timeit --setup "int[] a = new int[4]; a[0] = 7" used to fail with "';'
        // expected".
        TimedSource source = build("a[0]", "int[] a = new int[4]; a[0] = 7 // the input");
        assertCompiles(source);
        assertThat(method(source.source(), "perfshell$setup")).contains("a[0] = 7;");
    }

    @Test
    void setupArrayWithBraceInitialiserCompiles() throws Exception {
        TimedSource source = build("a[0] + a[1]", "int[] a = {1, 2};");
        assertCompiles(source);
        assertThat(source.source()).contains("int[] a;");
        assertThat(method(source.source(), "perfshell$setup")).contains("a = new int[] {1, 2};");
    }

    @Test
    void setupVarWithResolvableTypeBecomesATypedField() throws Exception {
        TimedSource source = build("list.size()", "var list = new java.util.ArrayList<String>(); list.add(\"a\");");
        assertCompiles(source);
        String fields = source.source().substring(0, source.source().indexOf("perfshell$setup"));
        assertThat(fields)
                .containsPattern("java\\.util\\.ArrayList<(java\\.lang\\.)?String> list;")
                .doesNotContain("var list");
        assertThat(method(source.source(), "perfshell$setup")).contains("list.add(\"a\");");
    }

    @Test
    void setupVarOfAnEarlierSetupVariableNeedsAnExplicitType() {
        assertThatThrownBy(() -> build("b.length", "int[] a = {1, 2}; var b = a;"))
                .isInstanceOf(TimedSourceBuilder.SetupTypeException.class)
                .hasMessageContaining("'b'");
    }

    @Test
    void setupVarOfAnAnonymousClassGetsANameableType() throws Exception {
        TimedSource source = build("o.hashCode()", "var o = new Object() { };");
        assertCompiles(source);
        assertThat(source.source()).doesNotContain("<anonymous").doesNotContain("var o");
    }

    @Test
    void everyTopLevelLocalOfABlockIsConsumed() throws Exception {
        TimedSource source = build("{ double y = Math.sqrt(x) * x + 1.0; int z = twice(2); sideEffect(); }", "");
        assertCompiles(source);
        String payload = method(source.source(), "perfshell$payload");
        assertThat(payload)
                .contains("double y = Math.sqrt(x) * x + 1.0;")
                .contains("int z = twice(2);")
                .contains("bh.consume(y);")
                .contains("bh.consume(z);");
        assertThat(Pattern.compile("bh\\.consume\\(").matcher(payload).results().count())
                .isEqualTo(2);
        assertThat(payload.indexOf("bh.consume(y)")).isGreaterThan(payload.indexOf("sideEffect();"));
        assertRegion(
                source.source(), source.code(), "double y = Math.sqrt(x) * x + 1.0; int z = twice(2); sideEffect();");
    }

    @Test
    void statementsWithoutBracesAreABlockToo() throws Exception {
        TimedSource source = build("int s = 0; for (int v : data) s += v", "");
        assertCompiles(source);
        String payload = method(source.source(), "perfshell$payload");
        assertThat(payload).contains("bh.consume(s);");
        assertRegion(source.source(), source.code(), "int s = 0; for (int v : data) s += v;");
    }

    @Test
    void nestedLocalsAreNotConsumed() throws Exception {
        TimedSource source = build("int s = 0; for (int i = 0; i < 3; i++) { int inner = i; s += inner; }", "");
        assertCompiles(source);
        String payload = method(source.source(), "perfshell$payload");
        assertThat(payload)
                .contains("bh.consume(s);")
                .doesNotContain("bh.consume(inner)")
                .doesNotContain("bh.consume(i)");
    }

    @Test
    void voidCallIsRejectedAsAnExpressionThenCompilesAsAStatement() throws Exception {
        // The builder cannot always tell a void call from a value (its type may be unknown before
        // compiling); %timeit retries on javac's "'void' type not allowed here".
        TimedSource first = build("sideEffect()", "");
        List<SnippetEvent> events = jshell.eval(first.source());
        if (events.get(0).status() != Snippet.Status.VALID) {
            assertThat(jshell.diagnostics(events.get(0).snippet()).map(d -> d.getMessage(null)))
                    .anyMatch(m -> m.contains("'void' type not allowed"));
        }
        jshell.drop(events.get(0).snippet());
        TimedSource source = builder.build("PerfshellTimedTest" + NUMBERS.incrementAndGet(), "sideEffect()", "", true);
        assertCompiles(source);
        assertThat(method(source.source(), "perfshell$payload"))
                .contains("sideEffect();")
                .doesNotContain("bh.consume(");
        assertRegion(source.source(), source.code(), "sideEffect();");
    }

    @Test
    void asStatementForcesTheStatementShape() throws Exception {
        TimedSource source = builder.build("PerfshellTimedTest" + NUMBERS.incrementAndGet(), "twice(3)", "", true);
        assertCompiles(source);
        assertThat(method(source.source(), "perfshell$payload"))
                .contains("twice(3);")
                .doesNotContain("bh.consume(");
    }

    @Test
    void setupRegionPointsAtSetupWithStatements() throws Exception {
        TimedSource source = build("sb.length()", "StringBuilder sb = new StringBuilder(); sb.append(\"abc\");");
        assertCompiles(source);
        assertRegion(source.source(), source.setup(), "sb = new StringBuilder();\nsb.append(\"abc\");");
        assertRegion(source.source(), source.code(), "sb.length()");
    }

    @Test
    void noSetupGivesAnEmptySetupRegion() throws Exception {
        TimedSource source = build("x + 1", null);
        assertCompiles(source);
        assertThat(source.setup().text()).isEmpty();
    }

    @Test
    void brokenCodeStillPointsAtTheUsersText() throws Exception {
        TimedSource source = build("x +* 2", "");
        assertRegion(source.source(), source.code(), source.code().text());
        assertThat(source.code().text()).contains("x +* 2");
        List<SnippetEvent> events = jshell.eval(source.source());
        assertThat(events.get(0).status()).isEqualTo(Snippet.Status.REJECTED);
        long position = jshell.diagnostics(events.get(0).snippet())
                .filter(d -> d.isError())
                .findFirst()
                .orElseThrow()
                .getPosition();
        assertThat(source.code().contains(position)).isTrue();
        assertThat(source.code().text().charAt((int) source.code().local(position)))
                .isEqualTo('*');
    }
}
