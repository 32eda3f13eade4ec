package dev.perfshell.bench.jmhmagic;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The JMH side of scripts/bench/compare-ratio: the two snippets of
 * {@code %compare sumLoop(arr) ;; Arrays.stream(arr).sum()} as separate JMH benchmarks on the same
 * data (100,000 ints, i % 1000), whose score ratio %compare's ratio must come within 10% of.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SumCompare {
    int[] arr;

    @Setup
    public void fill() {
        arr = new int[100_000];
        for (int i = 0; i < arr.length; i++) arr[i] = i % 1000;
    }

    static long sumLoop(int[] a) {
        long s = 0;
        for (int v : a) s += v;
        return s;
    }

    @Benchmark
    public long loop() {
        return sumLoop(arr);
    }

    @Benchmark
    public long stream() {
        return Arrays.stream(arr).sum();
    }
}
