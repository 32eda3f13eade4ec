package dev.perfshell.profiling.probe;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine side of %lprun (time per line) and %mprun (bytes allocated per line): weave line probes
 * into the chosen methods, let the statement run, restore the classes and report. Shares %prun's way of
 * installing and removing probes ({@link ClassSwap}).
 */
public final class LineProfiler {
    private static final int CALIBRATION_CALLS = 100_000;
    /** Events per call of the calibration leaf: its entry, its one line, its exit. */
    private static final int LEAF_EVENTS = 3;

    private final ClassSwap swap;
    private final dev.perfshell.profiling.flame.Samplers samplers;
    private final dev.perfshell.timing.runtime.ProfileReset profileReset;
    private double perEventNanos = Double.NaN;
    private LineRecorder recorder;
    private dev.perfshell.profiling.flame.Samplers.Running sampling;

    public LineProfiler(
            Instrumentation instrumentation,
            SessionClassBytes classBytes,
            dev.perfshell.profiling.flame.Samplers samplers,
            dev.perfshell.timing.runtime.ProfileReset profileReset) {
        this.swap = new ClassSwap(instrumentation, classBytes);
        this.samplers = samplers;
        this.profileReset = profileReset;
    }

    /**
     * Where %lprun's times come from: samples with line numbers while the line probes count hits (default), the line
     * probes' clock (--timed, and %mprun's bytes), or samples alone, no probes (the timed runs of {@code -n}).
     */
    public enum Mode {
        SAMPLED,
        TIMED,
        SAMPLES
    }

    /** One method (or every method, {@code name == null}) chosen by the user. */
    public record Choice(String binaryClass, String name, String parameters) {
        boolean matches(String owner, String method, String descriptor) {
            if (!owner.replace('/', '.').equals(binaryClass)) return false;
            if (method.equals("<clinit>")) return false;
            if (name == null) return true;
            return method.equals(name)
                    && (parameters == null || Descriptors.parameters(descriptor).equals(parameters));
        }
    }

    /**
     * @param choices the methods to weave; their classes must be loaded already, or be defined by the statement
     * @param bytes   count allocated bytes per line (%mprun) instead of time
     * @param classBytes the shell's copy of the snippet classes' bytes, by binary name
     * @return "methods": how many methods were woven
     */
    public HashMap<String, Object> arm(List<Choice> choices, boolean bytes, Map<?, ?> classBytes) throws Exception {
        return arm(choices, bytes, classBytes, Mode.TIMED, null, 0);
    }

    /**
     * @param mode          where the times come from (%mprun: {@link Mode#TIMED}, its bytes)
     * @param jar           async-profiler's jar, for the sampled modes
     * @param intervalNanos the sampling interval asked for
     */
    public HashMap<String, Object> arm(
            List<Choice> choices, boolean bytes, Map<?, ?> classBytes, Mode mode, String jar, long intervalNanos)
            throws Exception {
        if (recorder != null || sampling != null) take();
        HashMap<String, Object> reply = new HashMap<>();
        if (mode == Mode.SAMPLES) {
            startSampling(reply, jar, intervalNanos);
            reply.put("methods", 0L);
            return reply;
        }
        swap.update(classBytes);
        if (!bytes && Double.isNaN(perEventNanos)) calibrate();
        LineTable table = new LineTable();
        LineWeaver weaver = new LineWeaver(
                table, (owner, name, descriptor) -> choices.stream().anyMatch(c -> c.matches(owner, name, descriptor)));
        Map<Class<?>, byte[]> woven = new LinkedHashMap<>();
        for (Class<?> type : swap.sessionClasses(
                type -> choices.stream().anyMatch(c -> c.binaryClass().equals(type.getName())))) {
            byte[] bytesWoven = weaver.weave(swap.original(type), type.getClassLoader());
            if (bytesWoven != null) woven.put(type, bytesWoven);
        }
        swap.install(woven);
        swap.weaveDefinitions((name, loader, original) -> weaver.weave(original, loader));
        recorder = new LineRecorder(table, bytes, bytes ? 0 : perEventNanos);
        if (mode == Mode.SAMPLED && !bytes) startSampling(reply, jar, intervalNanos);
        recorder.start();
        reply.put("methods", (long) table.size());
        return reply;
    }

    /** JShell runs the statement on the thread that handles its commands, this one: that is the thread sampled. */
    private void startSampling(HashMap<String, Object> reply, String jar, long intervalNanos) {
        try {
            sampling = samplers.sampleThisThread(jar, intervalNanos, true);
            reply.put("sampler", sampling.describe());
            reply.put("samplerWhy", sampling.why());
        } catch (Exception cannotSample) {
            reply.put("samplingProblem", String.valueOf(cannotSample.getMessage()));
        }
    }

    /**
     * Stops recording and sampling, restores the classes, resets the JIT's profiles of the code the statement
     * reached, and returns the line profile (see {@link LineRecorder#report()}) with the sampled stacks, lines in
     * their frames ("stacks"), for the front end to give to the lines ({@link LineSamples}).
     */
    public HashMap<String, Object> take() throws Exception {
        HashMap<String, Object> samples = new HashMap<>();
        if (sampling != null) {
            dev.perfshell.profiling.flame.Samplers.Running sampled = sampling;
            sampling = null;
            try {
                samples.put("stacks", sampled.stop());
                samples.put("sampler", sampled.describe());
            } catch (Exception e) {
                samples.put("samplingProblem", String.valueOf(e.getMessage()));
            }
        }
        if (recorder == null) return samples;
        LineRecorder done = recorder;
        recorder = null;
        done.stop();
        swap.restore();
        HashMap<String, Object> report = done.report();
        report.put("profileReset", profileReset.reset().toWire());
        report.putAll(samples);
        return report;
    }

    /**
     * The cost of one line event, once per engine: {@link CalibrationTarget}'s leaf woven with line probes
     * (three events a call) in a copy of its own, against the same loop unwoven, both compiled.
     */
    private void calibrate() throws Exception {
        java.lang.reflect.Method plain = CalibrationTarget.class.getMethod("loop", int.class);
        LineTable table = new LineTable();
        String owner = CalibrationTarget.class.getName().replace('.', '/');
        byte[] original;
        try (java.io.InputStream in = CalibrationTarget.class.getResourceAsStream("CalibrationTarget.class")) {
            original = in.readAllBytes();
        }
        ClassLoader parent = CalibrationTarget.class.getClassLoader();
        byte[] woven =
                new LineWeaver(table, (o, name, d) -> o.equals(owner) && name.equals("leaf")).weave(original, parent);
        Class<?> copy = new ClassLoader(parent) {
            Class<?> define() {
                return defineClass(CalibrationTarget.class.getName(), woven, 0, woven.length);
            }
        }.define();
        java.lang.reflect.Method wovenLoop = copy.getMethod("loop", int.class);
        double bestPlain = Double.MAX_VALUE;
        double bestWoven = Double.MAX_VALUE;
        double previous = Double.MAX_VALUE;
        for (int round = 0; round < 40; round++) {
            long start = System.nanoTime();
            plain.invoke(null, CALIBRATION_CALLS);
            bestPlain = Math.min(bestPlain, (double) (System.nanoTime() - start) / CALIBRATION_CALLS);
            LineRecorder probe = new LineRecorder(table, false, 0);
            probe.start();
            start = System.nanoTime();
            wovenLoop.invoke(null, CALIBRATION_CALLS);
            double perCall = (double) (System.nanoTime() - start) / CALIBRATION_CALLS;
            probe.stop();
            bestWoven = Math.min(bestWoven, perCall);
            if (round >= 7 && Math.abs(perCall - previous) <= 0.03 * previous) break;
            previous = perCall;
        }
        perEventNanos = Math.max(0, (bestWoven - bestPlain) / LEAF_EVENTS);
    }

    /** Choices from the front end's wire form: maps with "class", "name" (absent: all), "parameters" (absent: any). */
    public static List<Choice> choices(List<?> wire) {
        List<Choice> choices = new ArrayList<>();
        for (Object item : wire) {
            Map<?, ?> m = (Map<?, ?>) item;
            choices.add(new Choice((String) m.get("class"), (String) m.get("name"), (String) m.get("parameters")));
        }
        return choices;
    }
}
