package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.perfshell.e2e.Perfshell.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --engine-jdk}: snippets compile in the shell's JDK 17 and run on another JDK. */
class EngineJdkE2ETest {
    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path home;

    @TempDir
    Path work;

    @Test
    void engineRunsOnTemurin25() throws Exception {
        assumeTrue(Files.isDirectory(TEMURIN_25), TEMURIN_25 + " is not installed");
        Result r = Perfshell.runScript(home, work, "jdk25.jsh", """
                String v = System.getProperty("java.version");
                v.startsWith("25")
                Runtime.version().feature()
                %env
                int f() { return 1; }
                int f() { return 2; }
                f()
                java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(a -> a.startsWith("-agentlib:jdwp"))
                """, "--engine-jdk", TEMURIN_25.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout())
                .as(r.toString())
                .containsPattern("v ==> \"25[.\"]")
                .contains("$1 ==> true")
                .contains("$2 ==> 25")
                .contains("$3 ==> 2") // JShell's redefinition, which the engine does itself
                .contains("$4 ==> true") // JDK 20+ took Thread.stop away: Ctrl-C needs JDWP there
                .containsPattern("Java home\\s+" + java.util.regex.Pattern.quote(TEMURIN_25.toString()));
    }

    /**
     * %flame loads async-profiler's native library; on JDK 24+ that prints a restricted-method warning unless the
     * engine has {@code --enable-native-access}. The JVM writes it to the engine process's own stderr, not to the
     * snippet's System.err, so the snippet reads that pipe back (/proc/self/fd/2, as much as is waiting in it); a
     * line it writes there itself shows the pipe is the right one. Without the option the same script reads the
     * four WARNING lines (checked by hand when this test was written).
     */
    @Test
    void flameOnTemurin25PrintsNoRestrictedMethodWarning() throws Exception {
        assumeTrue(Files.isDirectory(TEMURIN_25), TEMURIN_25 + " is not installed");
        assumeTrue(Files.exists(Path.of("/proc/self/fd/2")), "no /proc (Linux only)");
        Result r = Perfshell.runScript(home, work, "flame25.jsh", """
                int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
                %flame --no-html --duration 0.3 fib(15)
                new java.io.FileOutputStream(java.io.FileDescriptor.err).write("stderr-probe\\n".getBytes());
                java.io.FileInputStream errPipe = new java.io.FileInputStream("/proc/self/fd/2");
                String engineErr = new String(errPipe.readNBytes(errPipe.available()));
                engineErr.contains("stderr-probe")
                engineErr.contains("restricted method")
                """, "--engine-jdk", TEMURIN_25.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout())
                .as(r.toString())
                .contains("backend: async-profiler")
                .contains("$1 ==> true")
                .contains("$2 ==> false");
        assertThat(r.stdout() + r.stderr()).doesNotContainIgnoringCase("restricted method");
    }

    /**
     * %why reads JFR's compiler events, whose fields differ slightly between JDKs, and ASM reads JDK 25's class files
     * (major version 69) for a refused callee's size: the same causes come out on an engine of JDK 25.
     */
    @Test
    void whyOnTemurin25NamesTheSameCauses() throws Exception {
        assumeTrue(Files.isDirectory(TEMURIN_25), TEMURIN_25 + " is not installed");
        Result r = Perfshell.runScript(home, work, "why25.jsh", """
                interface Shape { double area(); }
                record Sq(double s) implements Shape { public double area() { return s * s; } }
                record Circ(double r) implements Shape { public double area() { return 3.14 * r * r; } }
                record Tri(double b, double h) implements Shape { public double area() { return 0.5 * b * h; } }
                Shape[] shapes = new Shape[300];
                for (int i = 0; i < shapes.length; i++) shapes[i] = i % 3 == 0 ? new Sq(i) : i % 3 == 1 ? new Circ(i) : new Tri(i, 2);
                double total(Shape[] a) { double t = 0; for (Shape s : a) t += s.area(); return t; }
                %why total(shapes)
                Map<Integer, Integer> counts = new HashMap<>();
                int k = 5;
                %why counts.merge(k & 63, 1, Integer::sum)
                record P(int x, int y) {}
                %why new P(k, k + 1).x()
                """, "--engine-jdk", TEMURIN_25.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout())
                .as(r.toString())
                .containsPattern(
                        "  megamorphic: total\\(Shape\\[\\]\\) → Shape.area\\(\\): not inlined — the call site saw 3"
                                + " receiver types \\((Sq|Circ|Tri), (Sq|Circ|Tri), (Sq|Circ|Tri)\\)")
                .containsPattern(
                        "  not-inlined: <snippet> → java.util.HashMap.merge\\(Object, Object, BiFunction\\): not"
                                + " inlined — hot method too big \\(\\d+ bytes > \\d+\\)")
                .contains("  allocation-removed: <snippet>: new P: allocation removed (0 B/op)");
    }
}
