package dev.perfshell.repl.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated benchmark class, compiled for real with javac and JMH's annotation processor. */
class JmhSourceBuilderTest {
    private static final JmhSourceBuilder KNOWS_DOUBLES =
            new JmhSourceBuilder(code -> code.startsWith("Math.") ? "double" : null);

    private static List<JmhCompiler.Error> compile(JmhSource source, Path out) {
        JmhJars jars = JmhJars.locate();
        List<String> classPath = new java.util.ArrayList<>(jars.runner());
        classPath.add(jars.runtime());
        return JmhCompiler.compile(source, out, classPath, jars.processor(), List.of());
    }

    @Test
    void sessionNamesThatClashWithJmhsAnnotationsStillCompile(@TempDir Path out) throws Exception {
        List<SessionPart> session = List.of(
                SessionPart.type("#1", "class State { int n = 3; }"),
                SessionPart.type("#2", "enum Mode { FAST, SLOW }"),
                SessionPart.method("#3", "int size(State s) { return s.n + Mode.values().length; }"),
                SessionPart.variable("#4", "state", "State", "new State()"));
        JmhSource source = KNOWS_DOUBLES.build("perfshell.jmh.t1", session, "size(state)", "", Map.of(), 1, false);

        assertThat(compile(source, out)).isEmpty();
        assertThat(Files.readString(out.resolve("META-INF/BenchmarkList")))
                .contains("perfshell.jmh.t1.PerfshellSession.PerfshellBenchmark");
        assertThat(source.source())
                .contains("    public static class State { int n = 3; }")
                .contains("    static int size(State s)")
                .contains("    static State state;")
                .contains("        state = new State();")
                .contains("@org.openjdk.jmh.annotations.State(org.openjdk.jmh.annotations.Scope.Thread)")
                .doesNotContain("import org.openjdk.jmh");
    }

    @Test
    void anExpressionIsReturnedWithItsOwnTypeNeverBoxed(@TempDir Path out) throws Exception {
        JmhSource source = KNOWS_DOUBLES.build(
                "perfshell.jmh.t2",
                List.of(SessionPart.variable("#1", "x", "double", "42.5")),
                "Math.log(x)",
                "",
                Map.of(),
                1,
                false);
        assertThat(compile(source, out)).isEmpty();
        assertThat(source.expression()).isTrue();
        assertThat(source.source()).contains("public double run() throws Throwable {\n            return\nMath.log(x)");
    }

    @Test
    void anExpressionOfUnknownTypeGoesToTheBlackholeByItsStaticType(@TempDir Path out) throws Exception {
        Map<String, List<String>> params = Map.of("n", List.of("10", "100"));
        JmhSource source = KNOWS_DOUBLES.build("perfshell.jmh.t3", List.of(), "n * 2L", "", params, 1, false);
        assertThat(compile(source, out)).isEmpty();
        assertThat(source.source())
                .contains("public void run(org.openjdk.jmh.infra.Blackhole perfshell$bh)")
                .contains("perfshell$bh.consume(\nn * 2L")
                .contains("@org.openjdk.jmh.annotations.Param({\"10\", \"100\"})\n        public int n;")
                .contains("PerfshellSession.n = this.n;");
    }

    @Test
    void statementsConsumeTheLocalsTheyDeclare(@TempDir Path out) throws Exception {
        JmhSource source = KNOWS_DOUBLES.build(
                "perfshell.jmh.t4", List.of(), "{ int a = 3; long b = a * 2L; }", "", Map.of(), 1, false);
        assertThat(compile(source, out)).isEmpty();
        assertThat(source.expression()).isFalse();
        assertThat(source.source()).contains("perfshell$bh.consume(a);").contains("perfshell$bh.consume(b);");
    }

    @Test
    void aParameterReplacesTheSessionVariableOfItsNameAndKeepsItsType(@TempDir Path out) throws Exception {
        List<SessionPart> session = List.of(
                SessionPart.variable("#1", "size", "long", "1000L"),
                SessionPart.variable("#2", "data", "int[]", "new int[(int) size]"));
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("size", List.of("10", "20"));
        params.put("name", List.of("a", "b"));
        JmhSource source =
                KNOWS_DOUBLES.build("perfshell.jmh.t5", session, "data.length + name.length()", "", params, 1, false);
        assertThat(compile(source, out)).isEmpty();
        assertThat(source.source())
                .contains("public long size;")
                .contains("public String name;")
                .doesNotContain("size = 1000L") // the parameter's value wins over the session's
                .contains("data = new int[(int) size];");
        // the parameters are copied before the replay reads them
        assertThat(source.source().indexOf("PerfshellSession.size = this.size;"))
                .isLessThan(source.source().indexOf("            perfshell$replay();"));
    }

    @Test
    void setupVariablesBecomeFieldsAssignedAfterTheReplay(@TempDir Path out) throws Exception {
        Map<String, List<String>> params = Map.of("n", List.of("4"));
        JmhSource source = KNOWS_DOUBLES.build(
                "perfshell.jmh.t6", List.of(), "data.length", "int[] data = new int[n];", params, 1, false);
        assertThat(compile(source, out)).isEmpty();
        assertThat(source.source()).contains("    static int[] data;").contains("        data = new int[n];");
    }

    @Test
    void setupWhoseLastStatementLacksItsSemicolonCompiles(@TempDir Path out) throws Exception {
        Map<String, List<String>> params = Map.of("n", List.of("4"));
        JmhSource source = KNOWS_DOUBLES.build(
                "perfshell.jmh.t6b", List.of(), "data[0]", "int[] data = new int[n]; data[0] = n", params, 1, false);
        assertThat(compile(source, out)).isEmpty();
        assertThat(source.source()).contains("        data[0] = n;");
    }

    @Test
    void severalThreadsShareOneBenchmarkState() throws Exception {
        JmhSource source = KNOWS_DOUBLES.build("perfshell.jmh.t7", List.of(), "Math.abs(-1.0)", "", Map.of(), 2, false);
        assertThat(source.source()).contains("Scope.Benchmark").doesNotContain("Scope.Thread");
    }

    @Test
    void parametersJmhCannotInjectAreRefusedByName() {
        List<SessionPart> session = List.of(SessionPart.variable("#1", "list", "List<Integer>", "List.of(1)"));
        assertThatThrownBy(() -> KNOWS_DOUBLES.build(
                        "perfshell.jmh.t8", session, "list.size()", "", Map.of("list", List.of("1")), 1, false))
                .hasMessage(
                        "-p list: the session's variable is a List<Integer>; JMH parameters are primitives, String or enums");
    }

    @Test
    void membersBecomeStaticOnceAndTypesPublic() {
        assertThat(JmhSourceBuilder.member("static int f() { return 1; }", false))
                .isEqualTo("    static int f() { return 1; }");
        assertThat(JmhSourceBuilder.member("private int f() { return 1; }", false))
                .isEqualTo("    static private int f() { return 1; }");
        assertThat(JmhSourceBuilder.member("@Deprecated class A {}", true))
                .isEqualTo("    public static @Deprecated class A {}");
        assertThat(JmhSourceBuilder.member("public final class A {}", true))
                .isEqualTo("    static public final class A {}");
    }

    @Test
    void parameterTypesAreTheNarrowestTheValuesFit() {
        assertThat(ParamTypes.infer(List.of("1", "-20"))).isEqualTo("int");
        assertThat(ParamTypes.infer(List.of("1", "10000000000"))).isEqualTo("long");
        assertThat(ParamTypes.infer(List.of("1", "0.5"))).isEqualTo("double");
        assertThat(ParamTypes.infer(List.of("true", "false"))).isEqualTo("boolean");
        assertThat(ParamTypes.infer(List.of("1", "x"))).isEqualTo("String");
    }
}
