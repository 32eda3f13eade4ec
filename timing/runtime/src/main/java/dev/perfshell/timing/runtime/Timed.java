package dev.perfshell.timing.runtime;

import org.openjdk.jmh.infra.Blackhole;

/**
 * What {@code %timeit} generates in the session for each snippet: a class whose fields hold the
 * setup values (fields, never locals: a local is hoisted out of the loop, red-team.md §3) and
 * whose methods have JMH's stub shape. The engine starts with CompileCommands that force-inline
 * the payload into {@link #loop} and keep {@link #loop} itself out of its caller.
 */
public interface Timed {
    /** Runs the user's setup code before each run (not timed). */
    void setup() throws Throwable;

    /** JMH's stub: {@code do { bh.consume(payload()); ops++; } while (!control.isDone);} */
    long loop(Blackhole bh, LoopControl control) throws Throwable;

    /** The same, for exactly {@code n} operations ({@code -n}); may be unrolled by C2. */
    long loopCounted(Blackhole bh, long n) throws Throwable;
}
