package dev.perfshell.repl.link;

import dev.perfshell.engine.EngineInfo;
import dev.perfshell.engine.EngineProtocol;
import dev.perfshell.engine.SessionVariable;
import dev.perfshell.profiling.flame.FlameBackends;
import dev.perfshell.profiling.flame.FlameRequest;
import dev.perfshell.profiling.flame.FlameSamples;
import dev.perfshell.profiling.jit.JitEvents;
import dev.perfshell.profiling.jol.Footprint;
import dev.perfshell.profiling.probe.LineProfiler;
import dev.perfshell.profiling.probe.LinesArm;
import dev.perfshell.profiling.probe.LinesTake;
import dev.perfshell.profiling.probe.ProbesArmed;
import dev.perfshell.profiling.probe.Profiler;
import dev.perfshell.profiling.probe.PrunArm;
import dev.perfshell.profiling.probe.PrunTake;
import dev.perfshell.timing.runtime.BlackholeCheck;
import dev.perfshell.timing.runtime.OnceMeter;
import dev.perfshell.timing.runtime.OnceTiming;
import dev.perfshell.timing.runtime.TimeitReply;
import dev.perfshell.timing.runtime.TimeitRequest;
import dev.perfshell.timing.runtime.WireForm;
import java.util.Map;
import java.util.function.Function;

/**
 * A typed engine request: the command's name and JDK-typed argument on the wire, and how to read
 * the JDK-typed reply into a front-end record. Magics use these, never raw command names.
 *
 * @param <R> the front-end type of the reply
 */
public record EngineRequest<R>(String command, Object argument, Function<Object, R> reply) {

    /** Times a generated {@code Timed} class by its binary name, following the plan, on fresh JIT profiles. */
    public static EngineRequest<TimeitRuns> timeit(String binaryName, dev.perfshell.timing.runtime.TimeitPlan plan) {
        return timeit(binaryName, plan, true, false);
    }

    /**
     * Where only allocation counts ({@code %memit}): no JIT watch (starting JFR costs the engine's first timing about
     * 0.7 s) and no profile reset (the class files it reads and keeps the first time would read as memory the statement
     * retained).
     */
    public static EngineRequest<TimeitRuns> allocationRuns(
            String binaryName, dev.perfshell.timing.runtime.TimeitPlan plan) {
        return timeit(binaryName, plan, false, true);
    }

    /**
     * @param watchJit     follow the snippet's compilations with JFR
     * @param keepProfiles time with the JIT profiles earlier code left ({@code --keep-profiles}); by default the engine
     *                     resets them first, so the snippet reads what a forked JVM would
     */
    public static EngineRequest<TimeitRuns> timeit(
            String binaryName, dev.perfshell.timing.runtime.TimeitPlan plan, boolean watchJit, boolean keepProfiles) {
        return new EngineRequest<>(
                EngineProtocol.TIMEIT,
                WireForm.write(new TimeitRequest(binaryName, plan, watchJit, keepProfiles)),
                EngineRequest::runs);
    }

    /** {@code %compare}: the generated classes timed under one plan, their runs interleaved; one result each, in order. */
    public static EngineRequest<java.util.List<TimeitRuns>> timeitInterleaved(
            java.util.List<String> binaryNames, dev.perfshell.timing.runtime.TimeitPlan plan) {
        return new EngineRequest<>(
                EngineProtocol.TIMEIT_INTERLEAVED,
                WireForm.write(new TimeitRequest.Interleaved(binaryNames, plan, false)),
                wire -> ((java.util.List<?>) wire)
                        .stream().map(EngineRequest::runs).toList());
    }

    private static TimeitRuns runs(Object wire) {
        return TimeitRuns.of(WireForm.read(TimeitReply.class, (Map<?, ?>) wire));
    }

    /** Runs the engine's blackhole self-check (about 0.4 s). */
    public static EngineRequest<BlackholeCheck> blackholeCheck() {
        return new EngineRequest<>(
                EngineProtocol.BLACKHOLE_CHECK, null, wire -> WireForm.read(BlackholeCheck.class, (Map<?, ?>) wire));
    }

    /** The engine JVM's facts, for {@code %env}. */
    /** Timings are coming (a script that times): the engine prepares the JIT watch and its self-check now. */
    public static EngineRequest<Object> prepareTiming() {
        return new EngineRequest<>(EngineProtocol.PREPARE_TIMING, null, wire -> wire);
    }

    public static EngineRequest<EngineInfo> info() {
        return new EngineRequest<>(
                EngineProtocol.INFO, null, wire -> WireForm.read(EngineInfo.class, (Map<?, ?>) wire));
    }

    /** Starts {@code %time}'s measurement: snippet invocations accumulate until {@link #takeTiming}. */
    public static EngineRequest<Boolean> armTiming() {
        return new EngineRequest<>(EngineProtocol.TIME_ARM, null, Boolean.class::cast);
    }

    /**
     * Ends {@code %time}'s measurement.
     *
     * @param frontEndNanos the shell's wall time for the same evaluations (compile + run), to derive compile time
     * @return the timing, or {@code null} when no snippet ran (e.g. it did not compile)
     */
    public static EngineRequest<OnceTiming> takeTiming(long frontEndNanos) {
        return new EngineRequest<>(EngineProtocol.TIME_TAKE, null, wire -> {
            OnceMeter.Figures figures = WireForm.read(OnceMeter.Figures.class, (Map<?, ?>) wire);
            return figures.invocations() > 0 ? OnceTiming.fromEngine(figures, frontEndNanos) : null;
        });
    }

    /** Arms {@code %memit}'s meter: a full collection, then the baselines (about 10-50 ms). */
    public static EngineRequest<Boolean> memitArm(boolean allThreads) {
        return new EngineRequest<>(EngineProtocol.MEMIT_ARM, allThreads, Boolean.class::cast);
    }

    /** Ends {@code %memit}'s measurement: the figures, after one more full collection (for the retained heap). */
    public static EngineRequest<dev.perfshell.profiling.memory.MemitRun> memitTake() {
        return new EngineRequest<>(
                EngineProtocol.MEMIT_TAKE,
                null,
                wire -> WireForm.read(dev.perfshell.profiling.memory.MemitRun.class, (Map<?, ?>) wire));
    }

    /** Disarms {@code %memit}'s meter when the statement never ran. */
    public static EngineRequest<Boolean> memitCancel() {
        return new EngineRequest<>(EngineProtocol.MEMIT_CANCEL, null, Boolean.class::cast);
    }

    /** Sets a session variable's field to null in the engine (a dropped variable keeps its value otherwise). */
    public static EngineRequest<Boolean> forget(String binaryName, String field) {
        return new EngineRequest<>(
                EngineProtocol.FORGET, WireForm.write(new SessionVariable(binaryName, field)), Boolean.class::cast);
    }

    /**
     * The deep footprint of a session variable's value.
     *
     * @param binaryName the variable's snippet class
     * @param field      the variable's name
     * @param layout     also the root object's field layout
     */
    public static EngineRequest<Footprint> sizeof(String binaryName, String field, boolean layout) {
        SessionVariable.Sizeof request =
                new SessionVariable.Sizeof(new SessionVariable(binaryName, field), layout, JolJars.locate());
        return new EngineRequest<>(
                EngineProtocol.SIZEOF, WireForm.write(request), wire -> Footprint.fromWire((Map<?, ?>) wire));
    }

    /** Arms %prun: weaves probes into the session's classes (and those matching {@code includes}). */
    /**
     * Arms %prun's probes (and the sampler beside them) in the session's classes.
     *
     * @param mode          where the times come from (SAMPLES: no probes, the sampled runs of -n)
     * @param classBytes    the shell's copy of the snippet classes' bytes
     * @param intervalNanos the sampling interval asked for
     */
    public static EngineRequest<ProbesArmed> prunArm(
            java.util.List<String> includes,
            Profiler.Mode mode,
            boolean boundaries,
            boolean timeBoundaries,
            Map<String, byte[]> classBytes,
            long intervalNanos) {
        PrunArm request = new PrunArm(
                includes, mode, boundaries, timeBoundaries, classBytes, AsyncProfilerJar.locate(), intervalNanos);
        return new EngineRequest<>(EngineProtocol.PRUN_ARM, WireForm.write(request), EngineRequest::armed);
    }

    /** Removes every probe and returns the profile (read it with ProfileReader) and the samples. */
    public static EngineRequest<PrunTake> prunTake() {
        return new EngineRequest<>(
                EngineProtocol.PRUN_TAKE, null, wire -> WireForm.read(PrunTake.class, (Map<?, ?>) wire));
    }

    /**
     * Arms %lprun ({@code bytes == false}) or %mprun: line probes in the chosen methods (see MethodChoices).
     *
     * @param mode          SAMPLED (line probes count, samples time), TIMED (the line probes' clock; %mprun's bytes) or
     *                      SAMPLES (no probes: the timed runs of -n)
     * @param intervalNanos the sampling interval asked for
     */
    public static EngineRequest<ProbesArmed> linesArm(
            java.util.List<LineProfiler.Choice> choices,
            boolean bytes,
            Map<String, byte[]> classBytes,
            LineProfiler.Mode mode,
            long intervalNanos) {
        LinesArm request = new LinesArm(choices, bytes, classBytes, mode, AsyncProfilerJar.locate(), intervalNanos);
        return new EngineRequest<>(EngineProtocol.LINES_ARM, WireForm.write(request), EngineRequest::armed);
    }

    /** Removes the line probes and returns the line profile (read it with LineReader) and the samples. */
    public static EngineRequest<LinesTake> linesTake() {
        return new EngineRequest<>(
                EngineProtocol.LINES_TAKE, null, wire -> WireForm.read(LinesTake.class, (Map<?, ?>) wire));
    }

    /** Starts recording the compiler's events for %why (the recording runs until {@link #whyTake}). */
    public static EngineRequest<Boolean> whyArm() {
        return new EngineRequest<>(EngineProtocol.WHY_ARM, null, wire -> Boolean.TRUE);
    }

    /** Stops %why's recording: what the JIT did to the session's code, {@code timedClass}'s loader being the session's. */
    public static EngineRequest<JitEvents> whyTake(String timedClass) {
        return new EngineRequest<>(
                EngineProtocol.WHY_TAKE, timedClass, wire -> WireForm.read(JitEvents.class, (Map<?, ?>) wire));
    }

    private static ProbesArmed armed(Object wire) {
        return WireForm.read(ProbesArmed.class, (Map<?, ?>) wire);
    }

    /**
     * Samples a generated {@code Timed} statement ({@code %flame}), run again and again for {@code durationNanos}.
     *
     * @param event    cpu, alloc, wall or lock
     * @param interval async-profiler's interval text, or {@code null} for the default
     * @param backend  {@code auto} (async-profiler, JFR where it cannot load), {@code async} or {@code jfr}
     * @param threads  sample every thread, each stack under its thread's frame
     * @param jfrFile  absolute path for a JFR recording of the profile, or {@code null}
     */
    public static EngineRequest<FlameSamples> flame(
            String binaryName,
            long durationNanos,
            String event,
            String interval,
            String backend,
            boolean threads,
            String jfrFile) {
        FlameRequest request =
                new FlameRequest(binaryName, durationNanos, event, interval, sampler(backend), threads, jfrFile);
        return new EngineRequest<>(
                EngineProtocol.FLAME,
                WireForm.write(request),
                wire -> WireForm.read(FlameSamples.class, (Map<?, ?>) wire));
    }

    /** {@code %flame --list}: the backend and its events (loads async-profiler in the engine if it is not yet). */
    public static EngineRequest<FlameBackends> flameList(String backend) {
        return new EngineRequest<>(
                EngineProtocol.FLAME_LIST,
                WireForm.write(sampler(backend)),
                wire -> WireForm.read(FlameBackends.class, (Map<?, ?>) wire));
    }

    /** Without a jar, auto falls back to JFR and says why. */
    private static FlameRequest.Sampler sampler(String backend) {
        return new FlameRequest.Sampler(backend, AsyncProfilerJar.locate());
    }
}
