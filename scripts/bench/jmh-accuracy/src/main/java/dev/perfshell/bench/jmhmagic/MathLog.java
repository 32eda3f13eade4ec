package dev.perfshell.bench.jmhmagic;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The hand-written side of scripts/bench/jmh-magic: {@code Math.log(x)} as a JMH user writes it, to
 * compare with {@code %jmh Math.log(x)} after {@code double x = 42.5;} in a session. The input is a
 * non-final field, as JMH's samples recommend (a session variable is a non-final static field).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MathLog {
    double x = 42.5;

    @Benchmark
    public double log() {
        return Math.log(x);
    }
}
