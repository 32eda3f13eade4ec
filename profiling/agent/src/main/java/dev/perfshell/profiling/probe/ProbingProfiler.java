package dev.perfshell.profiling.probe;

import dev.perfshell.profiling.flame.Samplers;
import dev.perfshell.timing.runtime.ProfileReset;
import java.lang.instrument.Instrumentation;
import java.util.HashMap;

/**
 * What the engine sides of %prun ({@link Profiler}) and %lprun/%mprun ({@link LineProfiler}) share: the session's
 * classes swapped for woven copies and back ({@link ClassSwap}), a sampler on the statement's thread beside the
 * probes, and the JIT's profiles reset after the take. One arm is live at a time: arming again first takes what an
 * earlier arm left running (a statement that never reached its take).
 */
abstract class ProbingProfiler {
    final ClassSwap swap;
    final ProfileReset profileReset;
    private final Samplers samplers;
    private final boolean lineNumbers;
    private Samplers.Running sampling;

    /** @param lineNumbers sample frames with their line numbers (%lprun gives samples to lines, %prun to methods) */
    ProbingProfiler(
            Instrumentation instrumentation,
            SessionClassBytes classBytes,
            Samplers samplers,
            ProfileReset profileReset,
            boolean lineNumbers) {
        this.swap = new ClassSwap(instrumentation, classBytes);
        this.samplers = samplers;
        this.profileReset = profileReset;
        this.lineNumbers = lineNumbers;
    }

    /** Whether probes are recording, armed and not yet taken. */
    abstract boolean recording();

    /** Stops the probes' recorder, restores the classes and resets the JIT's profiles: what the probes recorded. */
    abstract HashMap<String, Object> stopProbes() throws Exception;

    /**
     * Stops sampling, then the probes, if armed: their report with the samples added ("stacks", "sampler",
     * "intervalNanos", or "samplingProblem"); the samples alone after a sampling-only arm.
     */
    public final HashMap<String, Object> take() throws Exception {
        HashMap<String, Object> samples = stopSampling();
        if (!recording()) return samples;
        HashMap<String, Object> report = stopProbes();
        report.putAll(samples);
        return report;
    }

    /** The reply an arm fills in, after taking whatever an earlier arm left running. */
    final HashMap<String, Object> newArm() throws Exception {
        if (recording() || sampling != null) take();
        return new HashMap<>();
    }

    /** JShell runs the statement on the thread that handles its commands, this one: that is the thread sampled. */
    final void startSampling(HashMap<String, Object> reply, String jar, long intervalNanos) {
        try {
            sampling = samplers.sampleThisThread(jar, intervalNanos, lineNumbers);
            reply.put("sampler", sampling.describe());
            reply.put("samplerWhy", sampling.why());
        } catch (Exception cannotSample) { // the profile goes on without samples, and says why
            reply.put("samplingProblem", String.valueOf(cannotSample.getMessage()));
        }
    }

    /** "stacks", "sampler" and "intervalNanos" of the sampling that ran, or "samplingProblem"; empty when none ran. */
    private HashMap<String, Object> stopSampling() {
        HashMap<String, Object> samples = new HashMap<>();
        if (sampling == null) return samples;
        Samplers.Running sampled = sampling;
        sampling = null;
        try {
            samples.put("stacks", sampled.stop());
            samples.put("sampler", sampled.describe());
            samples.put("intervalNanos", sampled.intervalNanos());
        } catch (Exception e) {
            samples.put("samplingProblem", String.valueOf(e.getMessage()));
        }
        return samples;
    }
}
