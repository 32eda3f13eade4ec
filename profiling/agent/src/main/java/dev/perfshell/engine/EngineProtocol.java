package dev.perfshell.engine;

/**
 * Names of the engine's extension commands, shared by the engine and the front end so the two
 * sides cannot drift apart.
 */
public final class EngineProtocol {
    public static final String PING = "perfshell.ping";
    public static final String INFO = "perfshell.info";
    /** Arms the once-meter of {@code %time}: later snippet invocations accumulate until taken. */
    public static final String TIME_ARM = "perfshell.time.arm";
    /** Returns and disarms the once-meter's figures ({@code HashMap<String, Long>}). */
    public static final String TIME_TAKE = "perfshell.time.take";

    /** Times a generated {@code Timed} class: argument a {@code TimeitRequest}, reply a {@code TimeitReply} (wire forms). */
    public static final String TIMEIT = "perfshell.timeit";
    /**
     * {@code %compare}: several generated classes timed under one plan, their runs interleaved: argument a
     * {@code TimeitRequest.Interleaved}, reply a list of {@code TimeitReply}, one per class in order (wire forms).
     */
    public static final String TIMEIT_INTERLEAVED = "perfshell.timeitInterleaved";

    /**
     * Arms {@code %memit}'s memory meter (argument: Boolean, count all threads): a full collection and
     * the baselines; later snippet invocations accumulate until taken.
     */
    public static final String MEMIT_ARM = "perfshell.memit.arm";
    /** Ends {@code %memit}'s measurement; reply {@code HashMap} of figures (see MemoryMeter.take). */
    public static final String MEMIT_TAKE = "perfshell.memit.take";
    /** Disarms {@code %memit}'s meter without figures (the statement did not compile). */
    public static final String MEMIT_CANCEL = "perfshell.memit.cancel";
    /**
     * Deep footprint of a session variable's value ({@code %sizeof}): argument {@code HashMap} with
     * "class" and "field" (the variable), "layout" (Boolean) and "jars" (JOL's jars); reply {@code HashMap}.
     */
    public static final String SIZEOF = "perfshell.sizeof";
    /**
     * Sets a session variable's static field to null, so a dropped variable's value can be collected:
     * argument {@code HashMap} with "class" and "field"; reply {@code Boolean.TRUE}. (A snippet that
     * assigns null would do the same, but JShell keeps every snippet it is given.)
     */
    public static final String FORGET = "perfshell.forget";

    /**
     * The engine agent's static boolean field that says Ctrl-C interrupted the shell's current input: while it
     * is set, a command refuses to start user code (it fails as stopped). The shell sets it over JDI when
     * the engine carries JDWP, with a control request when it does not, and clears it with {@link #NEW_INPUT}.
     */
    public static final String INTERRUPTED_FIELD = "interrupted";

    /**
     * An engine started without JDWP opens a second connection to the shell's port for Ctrl-C (ControlChannel) when
     * this system property is {@code true}; the shell sets it.
     */
    public static final String CONTROL_PROPERTY = "perfshell.engine.control";
    /** Control request, one byte: Ctrl-C interrupted the input (refuse user code until {@link #NEW_INPUT}) ... */
    public static final int CONTROL_INTERRUPT = 'I';
    /** ... and stop the user code that runs now (ClientCodeStop). */
    public static final int CONTROL_STOP = 'S';

    /**
     * No argument: a new input begins, Ctrl-C's flag is cleared. A command, so it stays in order with the commands
     * of the new input (a control request could overtake them).
     */
    public static final String NEW_INPUT = "perfshell.newInput";

    /**
     * No argument: timings are coming (a script that uses %timeit). The engine starts the JIT watch and the
     * blackhole self-check now, in the background, instead of waiting for an idle second that a script never gives.
     */
    public static final String PREPARE_TIMING = "perfshell.prepareTiming";

    /**
     * Arms %prun: argument a {@code PrunArm} (wire form); the session's classes are woven with probes until taken.
     * Reply a {@code ProbesArmed}.
     */
    public static final String PRUN_ARM = "perfshell.prun.arm";
    /** Restores every woven class and returns the profile: a {@code PrunTake} (wire form). */
    public static final String PRUN_TAKE = "perfshell.prun.take";

    /** Arms %lprun/%mprun: argument a {@code LinesArm} (wire form); reply a {@code ProbesArmed}. */
    public static final String LINES_ARM = "perfshell.lines.arm";
    /** Restores the woven classes and returns the line profile: a {@code LinesTake} (wire form). */
    public static final String LINES_TAKE = "perfshell.lines.take";

    /** No argument: %why starts recording the compiler's events (JFR) before the snippet is timed. */
    public static final String WHY_ARM = "perfshell.why.arm";
    /**
     * Argument: the binary name of the timed class (its loader is the session's). Stops the recording and returns what
     * the JIT did to the session's code: a {@code JitEvents} (wire form).
     */
    public static final String WHY_TAKE = "perfshell.why.take";

    /**
     * Samples a generated {@code Timed} statement run until a duration ({@code %flame}): argument {@code HashMap}
     * with "class" and the options read by Flames.profile; reply {@code HashMap} with the folded stacks.
     */
    public static final String FLAME = "perfshell.flame";
    /** The sampling backend that would run and its events ({@code %flame --list}). */
    public static final String FLAME_LIST = "perfshell.flame.list";

    /** Checks that consumed values stay alive (see BlackholeSelfCheck); reply a {@code BlackholeCheck} (wire form). */
    public static final String BLACKHOLE_CHECK = "perfshell.blackhole.check";

    /** Exit code of an engine that halted because the shell that started it died. */
    public static final int EXIT_PARENT_GONE = ParentWatchdog.EXIT_PARENT_GONE;
    /** Exit code of an engine that refused to start: not launched by a shell it could verify (LaunchCheck). */
    public static final int EXIT_REFUSED = 2;
    /** The engine's system property naming the shell's pid; the engine refuses to start under any other parent. */
    public static final String SHELL_PID_PROPERTY = LaunchCheck.SHELL_PID_PROPERTY;

    private EngineProtocol() {}
}
