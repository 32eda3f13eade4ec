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
 * installing and removing probes and of sampling beside them ({@link ProbingProfiler}).
 */
public final class LineProfiler extends ProbingProfiler {
    /** Events per call of the calibration leaf: its entry, its one line, its exit. */
    private static final int LEAF_EVENTS = 3;

    private double perEventNanos = Double.NaN;
    private LineRecorder recorder;

    public LineProfiler(
            Instrumentation instrumentation,
            SessionClassBytes classBytes,
            dev.perfshell.profiling.flame.Samplers samplers,
            dev.perfshell.timing.runtime.ProfileReset profileReset) {
        super(instrumentation, classBytes, samplers, profileReset, true);
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
        HashMap<String, Object> reply = newArm();
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

    @Override
    boolean recording() {
        return recorder != null;
    }

    /**
     * The line profile (see {@link LineRecorder#report()}); {@link #take()} adds the sampled stacks, lines in their
     * frames ("stacks"), for the front end to give to the lines ({@link LineSamples}).
     */
    @Override
    HashMap<String, Object> stopProbes() throws Exception {
        LineRecorder done = recorder;
        recorder = null;
        done.stop();
        swap.restore();
        HashMap<String, Object> report = done.report();
        report.put("profileReset", profileReset.reset().toWire());
        return report;
    }

    /**
     * The cost of one line event, once per engine: {@link CalibrationTarget}'s leaf woven with line probes
     * (three events a call) in a copy of its own, against the same loop unwoven, both compiled.
     */
    private void calibrate() throws Exception {
        LineTable table = new LineTable();
        String owner = CalibrationTarget.class.getName().replace('.', '/');
        Class<?> copy = Calibration.wovenTarget(
                new LineWeaver(table, (o, name, d) -> o.equals(owner) && name.equals("leaf"))::weave);
        Calibration.Best<LineRecorder> best = Calibration.rounds(
                CalibrationTarget.class.getMethod("loop", int.class),
                copy.getMethod("loop", int.class),
                () -> new LineRecorder(table, false, 0),
                LineRecorder::start,
                LineRecorder::stop);
        perEventNanos = Math.max(0, (best.wovenNanos() - best.plainNanos()) / LEAF_EVENTS);
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
