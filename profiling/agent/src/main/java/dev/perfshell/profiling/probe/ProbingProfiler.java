package dev.perfshell.profiling.probe;

import dev.perfshell.profiling.flame.Samplers;
import dev.perfshell.timing.runtime.ProfileReset;
import java.lang.instrument.Instrumentation;

/**
 * What the engine sides of %prun ({@link Profiler}) and %lprun/%mprun ({@link LineProfiler}) share: the session's
 * classes swapped for woven copies and back ({@link ClassSwap}), a sampler on the statement's thread beside the
 * probes, and the JIT's profiles reset after the take. One arm is live at a time: arming again first takes what an
 * earlier arm left running (a statement that never reached its take).
 */
abstract class ProbingProfiler<T extends Record> {
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

    /**
     * Stops the probes' recorder, restores the classes and resets the JIT's profiles: what the probes recorded, with
     * the samples taken beside them.
     *
     * @param sampling the samples, or {@code null} when nothing sampled
     */
    abstract T stopProbes(Sampling sampling) throws Exception;

    /** The take after a sampling-only arm: the samples, no probes. */
    abstract T samplesOnly(Sampling sampling);

    /** Stops sampling, then the probes, if armed: their report with the samples; the samples alone after a sampling-only arm. */
    public final T take() throws Exception {
        Sampling samples = stopSampling();
        return recording() ? stopProbes(samples) : samplesOnly(samples);
    }

    /** Takes whatever an earlier arm left running, before a new arm. */
    final void takeLeftovers() throws Exception {
        if (recording() || sampling != null) take();
    }

    /** Arms the sampler alone, no probes (the runs of {@code -n} whose times the samples give). */
    final ProbesArmed armSamplerOnly(String jar, long intervalNanos) throws Exception {
        takeLeftovers();
        return new ProbesArmed(0, java.util.List.of(), startSampling(jar, intervalNanos));
    }

    /**
     * Starts the sampler; JShell runs the statement on the thread that handles its commands, this one: that is the
     * thread sampled.
     *
     * @return the sampler started, or why it could not start (the profile goes on without samples, and says why)
     */
    final Sampling startSampling(String jar, long intervalNanos) {
        try {
            sampling = samplers.sampleThisThread(jar, intervalNanos, lineNumbers);
            return new Sampling(sampling.describe(), sampling.why(), null, 0, null);
        } catch (Exception cannotSample) {
            return Sampling.failed(cannotSample);
        }
    }

    /** The stacks of the sampling that ran, or why it failed; {@code null} when none ran. */
    private Sampling stopSampling() {
        if (sampling == null) return null;
        Samplers.Running sampled = sampling;
        sampling = null;
        try {
            String stacks = sampled.stop();
            return new Sampling(sampled.describe(), sampled.why(), stacks, sampled.intervalNanos(), null);
        } catch (Exception e) {
            return Sampling.failed(e);
        }
    }
}
