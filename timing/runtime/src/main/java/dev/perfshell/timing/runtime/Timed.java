package dev.perfshell.timing.runtime;

import org.openjdk.jmh.infra.Blackhole;

/**
 * What {@code %timeit} generates in the session for each snippet: a class whose fields hold the
 * setup values (fields, never locals: a local is hoisted out of the loop) and
 * whose methods have JMH's stub shape. The engine starts with CompileCommands that force-inline
 * the generated {@code perfshell$payload} into the loop and keep the loop out of its caller.
 * The odd names keep those CompileCommands off the user's own methods.
 */
public interface Timed {
    /** Prefix of the generated methods' names, which the engine's CompileCommands match. */
    String PREFIX = "perfshell$";

    /** Runs the user's setup code before each run (not timed). */
    void perfshell$setup() throws Throwable;

    /** JMH's stub: {@code do { bh.consume(perfshell$payload()); ops++; } while (!control.isDone);} */
    long perfshell$loop(Blackhole bh, LoopControl control) throws Throwable;

    /**
     * The same, for exactly {@code n} operations ({@code -n}). Still a do/while that reads the
     * volatile flag every turn: a plain counted loop lets C2 hoist the payload out of it
     * (measured: 0.0174 ns instead of 2.5 for {@code Math.sqrt(x) * x + 1.0}).
     */
    long perfshell$loopCounted(Blackhole bh, LoopControl control, long n) throws Throwable;
}
