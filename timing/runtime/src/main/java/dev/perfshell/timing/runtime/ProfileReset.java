package dev.perfshell.timing.runtime;

/**
 * Gives the code a snippet may reach fresh JIT profiles before it is warmed up, so an in-session
 * {@code %timeit} reads what a forked JVM would and not what earlier code trained the JIT to expect
 * (docs/history.md). The engine implements it with {@code Instrumentation.redefineClasses}: a class
 * redefined with its own bytes gets new methods without method data, and compiled code that used the
 * old ones is dropped. This module has no instrumentation, hence the interface.
 */
@FunctionalInterface
public interface ProfileReset {
    /** Resets what it can now; never throws (a failure is an {@link Outcome} with a problem). */
    Outcome reset();

    /** For engines without the agent and for the self-check: nothing is reset, and it says why. */
    static ProfileReset unavailable(String why) {
        return () -> new Outcome(0, 0, 0, why, java.util.List.of());
    }

    /**
     * @param classes  classes redefined with their own bytes
     * @param failed   classes that were meant to be reset but could not be (no bytes, refused)
     * @param nanos    what the reset cost, bytes read and redefinition
     * @param problem  why nothing was reset, or {@code null}
     * @param examples a few of the classes that could not be reset, with the reason
     */
    record Outcome(int classes, int failed, long nanos, String problem, java.util.List<String> examples) {}
}
