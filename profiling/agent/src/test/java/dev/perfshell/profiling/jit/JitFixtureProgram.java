package dev.perfshell.profiling.jit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;

/**
 * Writes the JFR fixtures the reader and analysis tests read ({@code src/test/resources/jit/jdkNN.jfr}): code whose
 * JIT outcome is known by construction, run until C2 compiled it, under the recording %why makes. Run it by hand
 * with each JDK (see JitEventReaderTest); the tests never run it, so they read the same events every time.
 */
public final class JitFixtureProgram {
    public interface Shape {
        double area();
    }

    public record Sq(double s) implements Shape {
        public double area() {
            return s * s;
        }
    }

    public record Circ(double r) implements Shape {
        public double area() {
            return 3.14 * r * r;
        }
    }

    public record Tri(double b, double h) implements Shape {
        public double area() {
            return 0.5 * b * h;
        }
    }

    public record P(int x, int y) {}

    /** Three receiver types at one call site: megamorphic. */
    public static double total(Shape[] shapes) {
        double t = 0;
        for (Shape s : shapes) t += s.area();
        return t;
    }

    /** Two receiver types at one call site: bimorphic, both inlined behind a type check. */
    public static double totalOfTwo(Shape[] shapes) {
        double t = 0;
        for (Shape s : shapes) t += s.area();
        return t;
    }

    /** An allocation that never leaves the method: escape analysis removes it once P's constructor is inlined. */
    public static int pair(int x) {
        P p = new P(x, x + 1);
        return p.x() + p.y();
    }

    public static final List<P> KEPT = new ArrayList<>();

    /** An allocation stored in a static list: it escapes. */
    public static int kept(int x) {
        P p = new P(x, x);
        if (KEPT.size() > 1000) KEPT.clear();
        KEPT.add(p);
        return p.x();
    }

    /** HashMap.merge is larger than FreqInlineSize: not inlined. */
    public static long merge(Map<Integer, Integer> m, int n) {
        for (int i = 0; i < n; i++) m.merge(i & 63, 1, Integer::sum);
        return m.size();
    }

    /** A branch never taken while the code was profiled, then taken: unstable_if. */
    public static int branchy(int x, boolean rare) {
        if (rare) return x * 31 + Integer.toString(x).length();
        return x + 1;
    }

    public static int fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    /** One long call: its loop is compiled only on stack (OSR). */
    public static long sumOnce(int[] data) {
        long sum = 0;
        for (int round = 0; round < 2000; round++) for (int v : data) sum += v ^ round;
        return sum;
    }

    public static long streamed(List<Integer> values) {
        return values.stream().filter(v -> v % 3 == 0).mapToLong(v -> v * 2L).sum();
    }

    public static void main(String[] args) throws Exception {
        Recording recording = new Recording();
        for (String event : JitEventReader.EVENTS) recording.enable(event).withThreshold(Duration.ZERO);
        recording.setToDisk(true);
        recording.start();
        Shape[] shapes = new Shape[300];
        for (int i = 0; i < shapes.length; i++)
            shapes[i] = i % 3 == 0 ? new Sq(i) : i % 3 == 1 ? new Circ(i) : new Tri(i, 2);
        double sink = 0;
        for (int k = 0; k < 20_000; k++) sink += total(shapes);
        Shape[] two = new Shape[300];
        for (int i = 0; i < two.length; i++) two[i] = i % 2 == 0 ? new Sq(i) : new Circ(i);
        for (int k = 0; k < 20_000; k++) sink += totalOfTwo(two);
        for (int k = 0; k < 2_000_000; k++) sink += pair(k);
        for (int k = 0; k < 200_000; k++) sink += kept(k);
        Map<Integer, Integer> m = new HashMap<>();
        for (int k = 0; k < 20_000; k++) sink += merge(m, 100);
        for (int k = 0; k < 2_000_000; k++) sink += branchy(k, false);
        for (int k = 0; k < 100; k++) sink += branchy(k, true);
        for (int k = 0; k < 2_000; k++) sink += fib(15);
        int[] data = new int[100_000];
        sink += sumOnce(data);
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 1000; i++) values.add(i);
        for (int k = 0; k < 20_000; k++) sink += streamed(values);
        recording.stop();
        recording.dump(Path.of(args[0]));
        System.out.println(sink);
    }
}
