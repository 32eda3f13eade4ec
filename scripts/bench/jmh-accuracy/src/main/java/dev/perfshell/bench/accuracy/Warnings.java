package dev.perfshell.bench.accuracy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH side of scripts/bench/warnings: the twin of every row of its labelled corpus. Each benchmark is the
 * same code as the row's measured %timeit line (the method name is the row's name), run by JMH with one fork per
 * benchmark, i.e. in a clean JVM: no history. That is the point for the history rows (poly2, poly3, tripCount,
 * streamAfter): perfshell times them after other code in one session, JMH without it.
 *
 * <p>Session variables are non-final fields of the state object, as JShell's are (static non-final fields).
 * perfshell consumes an expression's value and every top-level local of a block, so those are returned here
 * (JMH's Blackhole consumes them); a local perfshell cannot see (nested in a loop) is not returned: the same
 * dead code in both. {@code --ops N} on the perfshell line is {@code @OperationsPerInvocation(N)} here.
 *
 * <p>Keep the values here and in scripts/bench/warnings (its preamble) identical.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Warnings {

    // ---- the session's declarations (scripts/bench/warnings, the preamble) ----
    record P(int a, int b) {
        int sum() {
            return a + b;
        }
    }

    interface Counter {
        int inc();
    }

    static final class C1 implements Counter {
        int n;

        public int inc() {
            return ++n;
        }
    }

    static final class C2 implements Counter {
        int n;

        public int inc() {
            return n += 2;
        }
    }

    static final class C3 implements Counter {
        int n;

        public int inc() {
            return n += 3;
        }
    }

    interface Shape {
        double area();
    }

    record Sq(double s) implements Shape {
        public double area() {
            return s * s;
        }
    }

    record Ci(double r) implements Shape {
        public double area() {
            return Math.PI * r * r;
        }
    }

    record Re(double w, double h) implements Shape {
        public double area() {
            return w * h;
        }
    }

    record Tr(double b, double h) implements Shape {
        public double area() {
            return 0.5 * b * h;
        }
    }

    // ---- session variables (the same values as the perfshell preamble) ----
    double x = 3.7;
    Map<Integer, String> map;
    Integer key = 500;
    int[] arr;
    List<Integer> list;
    int[] src1k;
    int[] src10k;
    int i1 = 17;
    int i2 = 4242;
    int i3 = -99;
    int ix = 12345;
    Pattern pat;
    String email = "someone@example.com";
    String num = "123456";
    int a = 3;
    int b = 4;
    Counter c1;
    Counter c2;
    Counter c3;
    Shape[] shapes;

    @Setup
    public void setup() {
        map = new HashMap<>();
        for (int i = 0; i < 1000; i++) map.put(i, "v" + i);
        arr = new int[1000];
        for (int i = 0; i < arr.length; i++) arr[i] = i * 7 % 1000;
        list = new ArrayList<>();
        for (int i = 0; i < 100; i++) list.add(i);
        // Loops, not Random.ints(): the session has no stream code before streamClean (same values).
        src1k = new int[1000];
        Random r42 = new Random(42);
        for (int i = 0; i < src1k.length; i++) src1k[i] = r42.nextInt();
        src10k = new int[10_000];
        Random r7 = new Random(7);
        for (int i = 0; i < src10k.length; i++) src10k[i] = r7.nextInt();
        pat = Pattern.compile("[a-z]+@[a-z]+\\.com");
        c1 = new C1();
        c2 = new C2();
        c3 = new C3();
        shapes = new Shape[] {new Sq(2), new Ci(1.5), new Re(2, 3), new Tr(4, 5)};
    }

    /** The session's method {@code int reps(int n)} (and reps2, the same body). */
    int reps(int n) {
        int s = 0;
        for (int i = 0; i < n; i++) s += (a + b);
        return s;
    }

    /** The session's method {@code int measure(Counter c)}. */
    int measure(Counter c) {
        int s = 0;
        for (int i = 0; i < 10; i++) s += c.inc();
        return s;
    }

    // ---- ok rows: ordinary code that must not warn ----

    /** %timeit list.stream().mapToInt(Integer::intValue).sum() (first in the session: no stream code before it) */
    @Benchmark
    public int streamClean() {
        return list.stream().mapToInt(Integer::intValue).sum();
    }

    /** %timeit Math.sqrt(x) * x + 1.0 */
    @Benchmark
    public double arith() {
        return Math.sqrt(x) * x + 1.0;
    }

    /** %timeit Math.sin(x) * Math.exp(x) + Math.log(x) */
    @Benchmark
    public double mathFns() {
        return Math.sin(x) * Math.exp(x) + Math.log(x);
    }

    /** %timeit map.get(key) */
    @Benchmark
    public String mapGet() {
        return map.get(key);
    }

    /** %timeit { int s = 0; for (int v : arr) s += v; } (s is a top-level local: perfshell consumes it) */
    @Benchmark
    public int arraySum() {
        int s = 0;
        for (int v : arr) s += v;
        return s;
    }

    /** %timeit new byte[1024] */
    @Benchmark
    public byte[] alloc1k() {
        return new byte[1024];
    }

    /** %timeit { int[] c = src1k.clone(); Arrays.sort(c); } */
    @Benchmark
    public int[] sort1k() {
        int[] c = src1k.clone();
        Arrays.sort(c);
        return c;
    }

    /** %timeit { int[] c = src10k.clone(); Arrays.sort(c); } */
    @Benchmark
    public int[] sort10k() {
        int[] c = src10k.clone();
        Arrays.sort(c);
        return c;
    }

    /** %timeit String.format("%.3f", x) */
    @Benchmark
    public String format() {
        return String.format("%.3f", x);
    }

    /** %timeit new StringBuilder().append(i1).append(i2).append(i3).toString() */
    @Benchmark
    public String sbAppend() {
        return new StringBuilder().append(i1).append(i2).append(i3).toString();
    }

    /** %timeit LongStream.range(0, 100_000).sum() */
    @Benchmark
    public long longRangeSum() {
        return LongStream.range(0, 100_000).sum();
    }

    /** %timeit new P(ix, ix + 1).sum() (escape analysis removes the allocation: legitimately about 1 ns) */
    @Benchmark
    public int recordEA() {
        return new P(ix, ix + 1).sum();
    }

    /** %timeit { long s = 0; for (Integer v : list) s += v; } */
    @Benchmark
    public long boxedSum() {
        long s = 0;
        for (Integer v : list) s += v;
        return s;
    }

    /** %timeit pat.matcher(email).matches() */
    @Benchmark
    public boolean regex() {
        return pat.matcher(email).matches();
    }

    /** %timeit Integer.parseInt(num) */
    @Benchmark
    public int parseInt() {
        return Integer.parseInt(num);
    }

    /** %timeit { double unused = Math.log(x); } (perfshell consumes top-level locals: not dead there, so not here) */
    @Benchmark
    public double deadTop() {
        double unused = Math.log(x);
        return unused;
    }

    // ---- pitfalls ----

    /** %timeit Math.sqrt(4.0) * 2.0 (literal inputs: folded to a constant, here as in perfshell) */
    @Benchmark
    public double folded() {
        return Math.sqrt(4.0) * 2.0;
    }

    /** %timeit { for (int i = 0; i < 100; i++) { double t = Math.sqrt(x + i); } } (t is nested: dead in both) */
    @Benchmark
    public void deadNested() {
        for (int i = 0; i < 100; i++) {
            double t = Math.sqrt(x + i);
        }
    }

    /** %timeit --ops 1000 { double s = 0; for (int i = 0; i < 1000; i++) s += Math.sqrt(x) * x; } (the sqrt is loop-invariant) */
    @Benchmark
    @OperationsPerInvocation(1000)
    public double hoisting() {
        double s = 0;
        for (int i = 0; i < 1000; i++) s += Math.sqrt(x) * x;
        return s;
    }

    /** %timeit --ops 1000 reps2(1000), the first timing of reps2 in the session (a tiny body per op) */
    @Benchmark
    @OperationsPerInvocation(1000)
    public int opsFresh() {
        return reps(1000);
    }

    /** %timeit --ops 1000 reps(1000), after --ops 1 reps(1) and --ops 10 reps(10) in the session */
    @Benchmark
    @OperationsPerInvocation(1000)
    public int tripCount() {
        return reps(1000);
    }

    /** %timeit measure(c1), after measure(c2) in the session (bimorphic there; monomorphic in this clean fork) */
    @Benchmark
    public int poly2() {
        return measure(c1);
    }

    /** %timeit measure(c1), after measure(c2) and measure(c3) in the session */
    @Benchmark
    public int poly3() {
        return measure(c1);
    }

    /** %timeit { double s = 0; for (Shape sh : shapes) s += sh.area(); } (4 shapes: megamorphic in both) */
    @Benchmark
    public double megamorphic() {
        double s = 0;
        for (Shape sh : shapes) s += sh.area();
        return s;
    }

    /** %timeit LongStream.range(0, 1_000_000).sum(), after three other LongStream pipelines in the session */
    @Benchmark
    public long streamAfter() {
        return LongStream.range(0, 1_000_000).sum();
    }

    /** %timeit { long s = 0; for (int i = 0; i < 10_000_000; i++) s += i ^ (s >>> 3); } (one long call: OSR) */
    @Benchmark
    public long osr() {
        long s = 0;
        for (int i = 0; i < 10_000_000; i++) s += i ^ (s >>> 3);
        return s;
    }

    /** %timeit new int[100_000] (400 KB per op: a young GC every few hundred ops) */
    @Benchmark
    public int[] gcHeavy() {
        return new int[100_000];
    }
}
