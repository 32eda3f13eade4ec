package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %why} on a real engine: code whose JIT outcome is known by construction gets the finding of that kind, and
 * code that does not compile or throws gets one line, as with %timeit.
 */
class WhyScriptTest {
    private static final String SCRIPT = String.join(
            "\n",
            "interface Shape { double area(); }",
            "record Sq(double s) implements Shape { public double area() { return s * s; } }",
            "record Circ(double r) implements Shape { public double area() { return 3.14 * r * r; } }",
            "record Tri(double b, double h) implements Shape { public double area() { return 0.5 * b * h; } }",
            "Shape[] shapes = new Shape[300];",
            "for (int i = 0; i < shapes.length; i++) shapes[i] = i % 3 == 0 ? new Sq(i) : i % 3 == 1 ? new Circ(i) : new Tri(i, 2);",
            "double total(Shape[] a) { double t = 0; for (Shape s : a) t += s.area(); return t; }",
            "%why --label megamorphic total(shapes)",
            "Map<Integer, Integer> counts = new HashMap<>();",
            "int k = 5;",
            "%why --label tooBig counts.merge(k & 63, 1, Integer::sum)",
            "record P(int x, int y) {}",
            "%why --label escape new P(k, k + 1).x()",
            "%why noSuchMethod(3)", // 14: does not compile
            "%why Integer.parseInt(\"x\" + k)", // 15: throws
            "%why -q -o w --label bound total(shapes)",
            "boolean boundMegamorphic = w.has(\"megamorphic\") && w.timing().median() > 0;",
            "String boundLine = w.findings().get(w.kinds().indexOf(\"megamorphic\"));",
            "%why --param n=1,2 Math.sqrt(n)", // 19: %why explains one timing
            "%%why --label cell Shape[] two = { new Sq(1), new Circ(2) };", // 20: setup on the first line
            "total(two)",
            "",
            "");

    private static ScriptRun run;
    private static JsonNode export;

    @BeforeAll
    static void runScript(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out.json");
        run = ScriptRun.file(dir, SCRIPT, List.of(), "--keep-going", "--json", out.toString());
        export = new ObjectMapper().readTree(out.toFile());
    }

    private static JsonNode result(String label) {
        for (JsonNode r : export.get("results")) if (label.equals(r.get("label").asText())) return r;
        throw new AssertionError("no result " + label + " in\n" + run);
    }

    private static List<String> kinds(String label) {
        List<String> kinds = new ArrayList<>();
        result(label).get("findings").forEach(f -> kinds.add(f.get("kind").asText()));
        return kinds;
    }

    private static JsonNode finding(String label, String kind) {
        for (JsonNode f : result(label).get("findings"))
            if (kind.equals(f.get("kind").asText())) return f;
        throw new AssertionError("no " + kind + " finding for " + label + " in\n" + run);
    }

    @Test
    void threeShapesThroughAnInterfaceAreAMegamorphicCallNamingTheReceivers() {
        JsonNode f = finding("megamorphic", "megamorphic");
        assertThat(f.get("method").asText()).isEqualTo("total(Shape[])");
        assertThat(f.get("callee").asText()).isEqualTo("Shape.area()");
        assertThat(f.get("evidence").asText())
                .contains("3 receiver types")
                .contains("Sq")
                .contains("Circ")
                .contains("Tri");
        assertThat(run.lines())
                .anyMatch(l -> l.startsWith("  megamorphic: total(Shape[]) → Shape.area(): not inlined"));
        assertThat(result("megamorphic").get("magic").asText()).isEqualTo("why");
        assertThat(result("megamorphic").get("jit").asText()).startsWith("C2 compiled the snippet's loop");
    }

    @Test
    void hashMapMergeIsRefusedAsTooBigWithItsSize() {
        JsonNode f = finding("tooBig", "not-inlined");
        assertThat(f.get("callee").asText()).isEqualTo("java.util.HashMap.merge(Object, Object, BiFunction)");
        assertThat(f.get("reason").asText()).isEqualTo("hot method too big");
        assertThat(f.get("evidence").asText()).matches(".*\\(\\d+ bytes > \\d+\\)\\.");
        assertThat(f.get("hint").asText()).startsWith("FreqInlineSize");
    }

    @Test
    void anObjectThatNeverLeavesTheSnippetIsScalarReplaced() {
        assertThat(kinds("escape")).contains("allocation-removed").doesNotContain("allocates");
        assertThat(finding("escape", "allocation-removed").get("evidence").asText())
                .isEqualTo("<snippet>: new P: allocation removed (0 B/op): escape analysis scalar-replaced it.");
        assertThat(result("escape").get("allocatedBytesPerOp").asDouble()).isZero();
    }

    @Test
    void codeThatDoesNotCompileOrThrowsGetsOneLineAndNoResult() {
        List<String> lines = run.lines();
        int compile = indexOf(lines, "script.jsh:14: this input failed");
        assertThat(lines.get(compile - 1)).startsWith("error: cannot find method noSuchMethod(int)");
        int thrown = indexOf(lines, "script.jsh:15: this input failed");
        assertThat(lines.get(thrown - 1))
                .isEqualTo("Exception java.lang.NumberFormatException: For input string: \"x5\" (thrown while timing;"
                        + " nothing was measured)");
        assertThat(export.get("results")).hasSize(5);
    }

    @Test
    void dashOBindsTheTimingAndTheFindings() {
        assertThat(run.value("boundMegamorphic")).isEqualTo("true");
        assertThat(run.value("boundLine")).startsWith("\"total(Shape[]) → Shape.area(): not inlined");
        assertThat(run.lines()).noneMatch(l -> l.startsWith("  megamorphic") && l.contains("bound"));
    }

    @Test
    void theCellFormTakesSetupAndParamIsNotAnOptionOfWhy() {
        assertThat(result("cell").get("source").asText()).isEqualTo("total(two)");
        assertThat(result("cell").get("params").get("setup").asText()).contains("new Circ(2)");
        int param = indexOf(run.lines(), "script.jsh:19: this input failed");
        assertThat(run.lines().get(param - 1)).contains("--param");
    }

    private static int indexOf(List<String> lines, String part) {
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(part)) return i;
        throw new AssertionError("no line with " + part + " in\n" + run);
    }
}
