package dev.perfshell.profiling.probe;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The engine side of %prun: arm (weave probes into the session's classes and install them with
 * {@code redefineClasses}), let the statement run, take (restore every class's own bytes, then report).
 * Nothing stays instrumented after {@link #take}: a failed restore is reported, never left silent.
 *
 * <p>In the default mode the probes only count (calls, and who called whom), and a sampling profiler on the
 * statement's thread gives the times ({@link SampleAttribution}): a clock read per call costs 55-87 ns a pair, far
 * more than a small method's body, and no subtraction of a calibrated cost gets such a method's time right.
 * After the take, the JIT profiles of the code the statement reached are reset, so the code runs afterwards as it
 * did before (kept, the instrumented run's profiles left {@code compute()} 6.2× slower for the rest of a session).
 */
public final class Profiler extends ProbingProfiler<PrunTake> {

    /**
     * How a profile gets its figures: counting probes and samples at once (default), clock probes (--timed), counting
     * probes only (--counts), or samples only, no probes (the timed runs of {@code %prun -n}).
     */
    public enum Mode {
        SAMPLED,
        TIMED,
        COUNTS,
        SAMPLES
    }

    private double pairNanos = Double.NaN;
    private double windowNanos;
    private double clockNanos;

    private Recorder recorder;

    public Profiler(
            Instrumentation instrumentation,
            SessionClassBytes classBytes,
            dev.perfshell.profiling.flame.Samplers samplers,
            dev.perfshell.timing.runtime.ProfileReset profileReset) {
        super(instrumentation, classBytes, samplers, profileReset, false);
    }

    /**
     * Weaves the probes and starts them (and the sampler beside them, for a sampled profile).
     *
     * @return how many classes were woven, which could not be, and the sampler started
     */
    public ProbesArmed arm(PrunArm request) throws Exception {
        if (request.mode() == Mode.SAMPLES) return armSamplerOnly(request.jar(), request.intervalNanos());
        takeLeftovers();
        Mode mode = request.mode();
        List<String> includes = request.includes();
        boolean boundaries = request.boundaries();
        boolean timeBoundaries = request.timeBoundaries();
        boolean timed = mode == Mode.TIMED;
        swap.update(request.classBytes());
        if (timed && Double.isNaN(pairNanos)) calibrate();
        List<Pattern> patterns = includes.stream().map(Profiler::glob).toList();
        java.util.function.Predicate<String> profiled = dotted -> dotted.startsWith("REPL.")
                || patterns.stream().anyMatch(p -> p.matcher(dotted).matches());
        List<Class<?>> targets = swap.sessionClasses(type -> profiled.test(type.getName()));
        MethodTable methods = new MethodTable();
        // calls into profiled classes (also those the statement defines) are not boundaries
        ProbeWeaver weaver = new ProbeWeaver(
                methods, owner -> profiled.test(owner.replace('/', '.')), boundaries, timed && timeBoundaries, !timed);
        Map<Class<?>, byte[]> woven = new LinkedHashMap<>();
        ArrayList<String> skipped = new ArrayList<>();
        for (Class<?> type : targets) {
            try {
                woven.put(type, weaver.weave(swap.original(type), type.getClassLoader()));
            } catch (RuntimeException cannotWeave) {
                skipped.add(type.getName() + ": " + cannotWeave);
            }
        }
        swap.install(woven);
        recorder = new Recorder(methods, timed, timeBoundaries, pairNanos, windowNanos);
        // snippets, and --include classes, that the statement itself defines
        swap.weaveDefinitions((name, loader, original) ->
                profiled.test(name.replace('/', '.')) ? weaver.weave(original, loader) : null);
        Sampling sampling = mode == Mode.SAMPLED ? startSampling(request.jar(), request.intervalNanos()) : null;
        recorder.start();
        return new ProbesArmed(woven.size(), skipped, sampling);
    }

    @Override
    boolean recording() {
        return recorder != null;
    }

    /**
     * The profile (see {@link Recorder#report()}) with the sampled stacks as they were taken (folded, root first): the
     * front end gives them to the rows ({@link SampleAttribution}).
     */
    @Override
    PrunTake stopProbes(Sampling sampling) throws Exception {
        Recorder done = recorder;
        recorder = null;
        done.stop();
        swap.restore();
        // the restored classes' methods start without profiles; the JDK code they called was trained on the probes
        dev.perfshell.timing.runtime.ProfileReset.Outcome reset = profileReset.reset();
        return new PrunTake(done.report(), clockNanos, Double.isNaN(pairNanos) ? 0.0 : pairNanos, reset, sampling);
    }

    @Override
    PrunTake samplesOnly(Sampling sampling) {
        return new PrunTake(null, clockNanos, Double.isNaN(pairNanos) ? 0.0 : pairNanos, null, sampling);
    }

    /**
     * The probes' own cost, once per engine, measured on woven code as the user's will be: a loop calling a
     * tiny method ({@link CalibrationTarget}), woven into a copy in a class loader of its own, against the
     * same loop unwoven, both compiled. The difference per call is what a probe pair costs a call; the leaf's
     * raw self time per call is the part of it between the two clock reads. Best of several rounds.
     */
    private void calibrate() throws Exception {
        MethodTable table = new MethodTable();
        Class<?> copy = Calibration.wovenTarget(new ProbeWeaver(table, owner -> true, false)::weave);
        int leaf = table.id(internal(CalibrationTarget.class), "leaf", "(I)I", -1, false);
        Calibration.Best<Recorder> best = Calibration.rounds(
                CalibrationTarget.class.getMethod("loop", int.class),
                copy.getMethod("loop", int.class),
                () -> new Recorder(table, true, 0, 0),
                Recorder::start,
                Recorder::stop);
        double window = (double) best.wovenRecorder().thread().selfNanos[leaf] / Calibration.CALLS;
        pairNanos = Math.max(0, best.wovenNanos() - best.plainNanos());
        windowNanos = Math.min(window, pairNanos);
        long start = System.nanoTime();
        long sink = 0;
        for (int i = 0; i < Calibration.CALLS; i++) sink += System.nanoTime();
        clockNanos = (double) (System.nanoTime() - start) / Calibration.CALLS;
        if (sink == 42) clockNanos += 0; // keeps the reads alive
    }

    private static String internal(Class<?> type) {
        return type.getName().replace('.', '/');
    }

    /** A glob on class names: {@code *} any run of characters, {@code ?} one. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
