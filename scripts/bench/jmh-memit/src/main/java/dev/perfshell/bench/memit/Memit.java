package dev.perfshell.bench.memit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH side of scripts/bench/memit-accuracy: each benchmark is the expression of one
 * {@code %memit -q -o m_NAME EXPR} line of the generated .jsh script (the method name is the row's name),
 * and its {@code -prof gc} figure {@code gc.alloc.rate.norm} is compared with perfshell's
 * {@code allocatedBytesPerOp()}. Inputs are non-final fields of the state object, as JShell's session
 * variables are (static non-final fields); values are returned, so the Blackhole consumes them and they
 * escape (escape analysis cannot remove the allocation).
 *
 * Keep the values here and in scripts/bench/memit-accuracy (its jsh session variables) identical.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Memit {

    // session variables of the perfshell script
    int n = 1000;                 // beyond the Integer cache (-128..127): Integer.valueOf(n) allocates
    String s = "abc";
    int m = 100;                  // the stream's length
    double d = 3.7;
    List<Integer> ten;            // 10 Integers, n .. n + 9

    @Setup
    public void setup() {
        ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) ten.add(n + i);
    }

    /** %memit new byte[1024] */
    @Benchmark
    public byte[] byteArray() {
        return new byte[1024];
    }

    /** %memit Integer.valueOf(n) */
    @Benchmark
    public Integer box() {
        return Integer.valueOf(n);
    }

    /** %memit new ArrayList<>(ten) */
    @Benchmark
    public List<Integer> smallList() {
        return new ArrayList<>(ten);
    }

    /** %memit String.format("%d-%s", n, s) */
    @Benchmark
    public String format() {
        return String.format("%d-%s", n, s);
    }

    /** %memit IntStream.range(n, n + m).boxed().collect(Collectors.toList()) */
    @Benchmark
    public List<Integer> stream() {
        return IntStream.range(n, n + m).boxed().collect(Collectors.toList());
    }

    /** %memit new long[10_000] */
    @Benchmark
    public long[] longArray() {
        return new long[10_000];
    }

    /** %memit Math.sqrt(d) (allocation-free: 0 B/op) */
    @Benchmark
    public double sqrt() {
        return Math.sqrt(d);
    }
}
