package dev.perfshell.profiling.flame;

import dev.perfshell.timing.runtime.LoopControl;
import dev.perfshell.timing.runtime.Timed;
import dev.perfshell.timing.runtime.TimeitRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code %flame} in the engine: runs a generated {@code Timed} statement in %timeit's loop until the duration
 * is reached (at least once) while a sampling profiler watches this thread, and returns the folded stacks.
 * async-profiler is loaded on first use from the jar the front end names; where it cannot load (no library
 * for the platform, a refused {@code dlopen}) or when the request asks for it, JFR samples instead, and the
 * reply says which backend ran and why. The flame graph is drawn by the front end from the folded stacks (with
 * the names the table uses), so neither backend writes one here.
 */
public final class Flames {
    private final Samplers samplers;

    public Flames(Samplers samplers) {
        this.samplers = samplers;
    }

    /** Samples {@code timed}, the instance of the request's class, as the request asks. */
    public FlameSamples profile(Timed timed, FlameRequest request) throws Exception {
        Samplers.Choice chosen = backend(request.sampler());
        String jfrFile = request.jfrFile();
        AtomicOutput recording = null;
        if (jfrFile != null) {
            Path file = Path.of(jfrFile);
            if (file.toAbsolutePath().getParent() != null)
                Files.createDirectories(file.toAbsolutePath().getParent());
            recording = new AtomicOutput(file);
        }
        try {
            return profile(timed, request, chosen, recording);
        } finally {
            if (recording != null) recording.discard();
        }
    }

    private FlameSamples profile(Timed timed, FlameRequest request, Samplers.Choice chosen, AtomicOutput recording)
            throws Exception {
        SamplingBackend backend = chosen.backend();
        SamplingBackend.Options options = new SamplingBackend.Options(
                request.event(),
                request.interval(),
                request.threads(),
                recording == null ? null : recording.temporary());
        SamplingBackend.Started started = backend.start(options);
        long begin = System.nanoTime();
        long ops = 0;
        String threw = null;
        try {
            ops = loop(timed, request.durationNanos());
        } catch (Throwable thrown) {
            // profile what ran; the front end says it threw
            threw = thrown.getClass().getName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        }
        long nanos = System.nanoTime() - begin;
        String collapsed = backend.stop();
        // The recording replaces the file asked for only now that it is complete.
        boolean recorded = recording != null && recording.commit();
        return new FlameSamples(
                backend.name(),
                chosen.why(),
                started.event(),
                started.note(),
                collapsed,
                ops,
                nanos,
                threw,
                recorded ? request.jfrFile() : null);
    }

    /** For {@code %flame --list}: the backend that would run and its events. */
    public FlameBackends list(FlameRequest.Sampler request) {
        Samplers.Choice chosen = backend(request);
        return new FlameBackends(
                chosen.backend().name(),
                chosen.why(),
                new ArrayList<>(chosen.backend().events()),
                AsyncProfilerBackend.paranoid());
    }

    private Samplers.Choice backend(FlameRequest.Sampler request) {
        return samplers.choose(request.backend(), request.jar());
    }

    /**
     * %timeit's JMH-shaped loop, stopped by a timer thread after the duration: the statement runs at least once
     * (a do/while), and the loop's own cost is the few instructions JMH's stub has.
     */
    private static long loop(Timed timed, long durationNanos) throws Throwable {
        Blackhole bh = new Blackhole(TimeitRunner.BLACKHOLE_CHALLENGE);
        LoopControl control = new LoopControl();
        Thread timer = new Thread(
                () -> {
                    try {
                        Thread.sleep(durationNanos / 1_000_000L, (int) (durationNanos % 1_000_000L));
                    } catch (InterruptedException ignored) {
                        // interrupted: the loop ended on its own (it threw)
                    }
                    control.isDone = true;
                },
                "perfshell-flame-timer");
        timer.setDaemon(true);
        timer.start();
        try {
            timed.perfshell$setup();
            return timed.perfshell$loop(bh, control);
        } finally {
            timer.interrupt();
        }
    }
}
