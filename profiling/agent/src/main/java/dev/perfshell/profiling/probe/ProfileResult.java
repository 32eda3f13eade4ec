package dev.perfshell.profiling.probe;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@code %prun -r NAME} binds in the session: the profile's rows, by the method names %prun
 * prints ({@code fib(int)}, {@code Box.twice(int)}, {@code java.util.HashMap.get(Object)}). Times in
 * nanoseconds: from samples (the default), or from clock probes with their cost subtracted (--timed); 0 with --counts.
 */
public final class ProfileResult {
    private final long totalNanos;
    private final List<String> methods;
    private final long[] calls;
    private final long[] primitiveCalls;
    private final long[] selfNanos;
    private final long[] cumulativeNanos;

    public ProfileResult(
            long totalNanos,
            String[] methods,
            long[] calls,
            long[] primitiveCalls,
            long[] selfNanos,
            long[] cumulativeNanos) {
        this.totalNanos = totalNanos;
        this.methods = List.of(methods);
        this.calls = calls.clone();
        this.primitiveCalls = primitiveCalls.clone();
        this.selfNanos = selfNanos.clone();
        this.cumulativeNanos = cumulativeNanos.clone();
    }

    public long totalNanos() {
        return totalNanos;
    }

    /** The rows' method names, in %prun's order. */
    public List<String> methods() {
        return methods;
    }

    /** Calls of {@code method}; 0 when it was not called. */
    public long calls(String method) {
        int i = methods.indexOf(method);
        return i < 0 ? 0 : calls[i];
    }

    public long primitiveCalls(String method) {
        int i = methods.indexOf(method);
        return i < 0 ? 0 : primitiveCalls[i];
    }

    public long selfNanos(String method) {
        int i = methods.indexOf(method);
        return i < 0 ? 0 : selfNanos[i];
    }

    public long cumulativeNanos(String method) {
        int i = methods.indexOf(method);
        return i < 0 ? 0 : cumulativeNanos[i];
    }

    public long totalCalls() {
        return Arrays.stream(calls).sum();
    }

    /** pstats' header: {@code 21891 method calls (1 primitive call) in 0.005 seconds}. */
    @Override
    public String toString() {
        long primitive = Arrays.stream(primitiveCalls).sum();
        return String.format(
                Locale.ROOT,
                "%d method calls (%d primitive call%s) in %.3f seconds",
                totalCalls(),
                primitive,
                primitive == 1 ? "" : "s",
                totalNanos / 1e9);
    }
}
