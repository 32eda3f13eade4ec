package dev.perfshell.profiling.probe;

/**
 * What %prun's woven bytecode calls: at every profiled method's entry and exit, and before every call
 * out of profiled code. Bytecode can only reach a static method without a reference, hence the one
 * static field: the recorder of the running profile, {@code null} between profiles (a probe left
 * behind by a failure then costs one volatile read and records nothing).
 */
public final class Probes {
    private static volatile Recorder recorder;
    private static volatile LineRecorder lines;

    private Probes() {}

    /** Entry of profiled method {@code method} (an id of the profile's {@link MethodTable}). */
    public static void enter(int method) {
        Recorder r = recorder;
        if (r != null) r.thread().enter(method);
    }

    /** Normal or exceptional exit of profiled method {@code method}. */
    public static void exit(int method) {
        Recorder r = recorder;
        if (r != null) r.thread().exit(method);
    }

    /** What {@link #countEnter} returns when no profile records: {@link #countExit} then records nothing either. */
    static final int NOT_RECORDED = Integer.MIN_VALUE;

    /**
     * --counts' entry of profiled method {@code method}: returns its caller's id (-1 for none), which the woven
     * method keeps in a local and hands to {@link #countExit}.
     */
    public static int countEnter(int method) {
        Recorder r = recorder;
        return r == null ? NOT_RECORDED : r.thread().countEnter(method);
    }

    /** --counts' exit of profiled method {@code method}, normal or exceptional, with what its entry returned. */
    public static void countExit(int method, int caller) {
        Recorder r = recorder;
        if (r != null && caller != NOT_RECORDED) r.thread().countExit(method, caller);
    }

    /** A call from profiled code to {@code callee}, a method that is not profiled (counted, not timed). */
    public static void boundary(int callee) {
        Recorder r = recorder;
        if (r != null) r.thread().boundary(callee);
    }

    /** Entry of a method chosen for %lprun/%mprun ({@code method}: an id of the LineTable). */
    public static void lineEnter(int method) {
        LineRecorder r = lines;
        if (r != null) r.thread().enter(method);
    }

    /** A line-table entry of a chosen method: {@code line} is the class file's line number. */
    public static void line(int method, int line) {
        LineRecorder r = lines;
        if (r != null) r.thread().line(method, line);
    }

    /** Normal or exceptional exit of a chosen method. */
    public static void lineExit(int method) {
        LineRecorder r = lines;
        if (r != null) r.thread().exit(method);
    }

    static void startLines(LineRecorder r) {
        lines = r;
    }

    static void stopLines() {
        lines = null;
    }

    static void start(Recorder r) {
        recorder = r;
    }

    static void stop() {
        recorder = null;
    }
}
