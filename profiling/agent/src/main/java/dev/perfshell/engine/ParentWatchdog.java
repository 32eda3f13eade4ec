package dev.perfshell.engine;

/**
 * Halts the engine when the shell that started it dies. Otherwise a snippet spinning in an
 * orphaned engine keeps burning a core and spoils every later measurement on the machine
 * (five such orphans were found during the prototypes). The JDK polls a process that is not a child with a
 * growing interval (up to 5 s), so {@link CommandStream} is the fast path; this catches a shell that dies
 * while its stream is somehow still open.
 */
final class ParentWatchdog {
    static final int EXIT_PARENT_GONE = 99;

    private ParentWatchdog() {}

    /** {@code shell}: the parent that {@link LaunchCheck} verified. */
    static void watch(ProcessHandle shell) {
        shell.onExit().thenRun(() -> Runtime.getRuntime().halt(EXIT_PARENT_GONE));
    }
}
