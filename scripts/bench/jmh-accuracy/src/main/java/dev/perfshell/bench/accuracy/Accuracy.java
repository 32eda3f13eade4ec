package dev.perfshell.bench.accuracy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH side of scripts/bench/accuracy. Each benchmark is the same code as one perfshell %timeit line
 * in the generated .jsh script (the method name is the row's name). Inputs are non-final fields of the
 * state object, as JMH's own samples recommend and as JShell's session variables are (static non-final
 * fields). Values are returned, so JMH's Blackhole consumes them.
 *
 * Keep the values here and in scripts/bench/accuracy (its jsh preamble) identical.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Accuracy {

    // session variables of the perfshell script
    double x = 3.7;
    double d = 3.7;               // the %timeit --setup "double d = 3.7;" input, a field here
    Map<Integer, String> map;
    Integer key = 500;
    int[] arr;
    List<Integer> list;
    int[] src1k;                  // %%timeit setup: new Random(42).ints(1000).toArray()
    int[] src10k;                 // session variable: new Random(7).ints(10_000).toArray()

    @Setup
    public void setup() {
        map = new HashMap<>();
        for (int i = 0; i < 1000; i++) map.put(i, "v" + i);
        arr = new int[1000];
        for (int i = 0; i < arr.length; i++) arr[i] = i * 7 % 1000;
        list = new ArrayList<>();
        for (int i = 0; i < 100; i++) list.add(i);
        src1k = new Random(42).ints(1000).toArray();
        src10k = new Random(7).ints(10_000).toArray();
    }

    /** %timeit {} */
    @Benchmark
    public void empty() {
    }

    /** %timeit Math.sqrt(x) * x + 1.0 */
    @Benchmark
    public double arith() {
        return Math.sqrt(x) * x + 1.0;
    }

    /** %timeit --setup "double d = 3.7;" Math.sqrt(d) * d + 1.0 (the hoisting trap: d must act as a field) */
    @Benchmark
    public double arithSetup() {
        return Math.sqrt(d) * d + 1.0;
    }

    /** %timeit { double y = Math.sqrt(x) * x + 1.0; } (the dead-code trap: y must be consumed) */
    @Benchmark
    public double arithBlock() {
        double y = Math.sqrt(x) * x + 1.0;
        return y;
    }

    /** %timeit map.get(key) */
    @Benchmark
    public String mapGet() {
        return map.get(key);
    }

    /** %timeit { int s = 0; for (int v : arr) s += v; } */
    @Benchmark
    public int arraySum() {
        int s = 0;
        for (int v : arr) s += v;
        return s;
    }

    /** %timeit new byte[1024] */
    @Benchmark
    public byte[] alloc() {
        return new byte[1024];
    }

    /** %timeit list.stream().mapToInt(Integer::intValue).sum() */
    @Benchmark
    public int stream() {
        return list.stream().mapToInt(Integer::intValue).sum();
    }

    /** %timeit String.format("%.3f", x) */
    @Benchmark
    public String format() {
        return String.format("%.3f", x);
    }

    /** %%timeit int[] src1k = new Random(42).ints(1000).toArray(); / int[] c = src1k.clone(); Arrays.sort(c); */
    @Benchmark
    public int[] sort1k() {
        int[] c = src1k.clone();
        Arrays.sort(c);
        return c;
    }

    /** %timeit { int[] c = src10k.clone(); Arrays.sort(c); } (about 0.5-1 ms) */
    @Benchmark
    public int[] sort10k() {
        int[] c = src10k.clone();
        Arrays.sort(c);
        return c;
    }
}
