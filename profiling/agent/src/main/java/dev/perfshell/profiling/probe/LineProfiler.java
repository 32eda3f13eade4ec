package dev.perfshell.profiling.probe;

import java.lang.instrument.Instrumentation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine side of %lprun (time per line) and %mprun (bytes allocated per line): weave line probes
 * into the chosen methods, let the statement run, restore the classes and report. Shares %prun's way of
 * installing and removing probes and of sampling beside them ({@link ProbingProfiler}).
 */
public final class LineProfiler extends ProbingProfiler<LinesTake> {
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
     * Weaves the line probes into the chosen methods (their classes must be loaded already, or be defined by the
     * statement) and starts them, with the sampler beside them in the sampled mode.
     *
     * @return how many methods were woven, and the sampler started
     */
    public ProbesArmed arm(LinesArm request) throws Exception {
        if (request.mode() == Mode.SAMPLES) return armSamplerOnly(request.jar(), request.intervalNanos());
        takeLeftovers();
        Mode mode = request.mode();
        List<Choice> choices = request.choices();
        boolean bytes = request.bytes();
        swap.update(request.classBytes());
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
        Sampling sampling =
                mode == Mode.SAMPLED && !bytes ? startSampling(request.jar(), request.intervalNanos()) : null;
        recorder.start();
        return new ProbesArmed(table.size(), List.of(), sampling);
    }

    @Override
    boolean recording() {
        return recorder != null;
    }

    /**
     * The line profile (see {@link LineRecorder#report()}) with the sampled stacks, lines in their frames, for the
     * front end to give to the lines ({@link LineSamples}).
     */
    @Override
    LinesTake stopProbes(Sampling sampling) throws Exception {
        LineRecorder done = recorder;
        recorder = null;
        done.stop();
        swap.restore();
        return new LinesTake(
                done.report(),
                profileReset.reset(),
                sampling,
                dev.perfshell.profiling.memory.MemoryMeter.layoutFlags());
    }

    @Override
    LinesTake samplesOnly(Sampling sampling) {
        return new LinesTake(null, null, sampling, dev.perfshell.profiling.memory.MemoryMeter.layoutFlags());
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
}
