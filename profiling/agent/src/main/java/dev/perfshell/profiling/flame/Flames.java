package dev.perfshell.profiling.flame;

import dev.perfshell.timing.runtime.LoopControl;
import dev.perfshell.timing.runtime.Timed;
import dev.perfshell.timing.runtime.TimeitRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * @param request {@code timed} (the Timed instance), {@code durationNanos}, {@code event}, {@code interval}
     *                (or null), {@code jar} (async-profiler's), {@code backend} ({@code auto}, {@code async} or
     *                {@code jfr}), {@code threads} (Boolean: every thread, split by thread), {@code jfrFile}
     *                (absolute path for a JFR recording of the profile, or null)
     * @return {@code HashMap}: backend, why, event, note, collapsed, ops, nanos, threw, jfrFile (written path or null)
     */
    public HashMap<String, Object> profile(Timed timed, Map<?, ?> request) throws Exception {
        Samplers.Choice chosen = backend(request);
        String jfrFile = (String) request.get("jfrFile");
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

    private HashMap<String, Object> profile(
            Timed timed, Map<?, ?> request, Samplers.Choice chosen, AtomicOutput recording) throws Exception {
        SamplingBackend backend = chosen.backend();
        SamplingBackend.Options options = new SamplingBackend.Options(
                (String) request.get("event"),
                (String) request.get("interval"),
                Boolean.TRUE.equals(request.get("threads")),
                recording == null ? null : recording.temporary());
        SamplingBackend.Started started = backend.start(options);
        HashMap<String, Object> reply = new HashMap<>();
        long begin = System.nanoTime();
        long ops = 0;
        try {
            ops = loop(timed, ((Number) request.get("durationNanos")).longValue());
        } catch (Throwable thrown) {
            // profile what ran; the front end says it threw
            reply.put(
                    "threw",
                    thrown.getClass().getName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage()));
        }
        long nanos = System.nanoTime() - begin;
        reply.put("collapsed", backend.stop());
        reply.put("backend", backend.name());
        reply.put("why", chosen.why());
        reply.put("event", started.event());
        reply.put("note", started.note());
        reply.put("ops", ops);
        reply.put("nanos", nanos);
        // The recording replaces the file asked for only now that it is complete.
        reply.put("jfrFile", recording != null && recording.commit() ? request.get("jfrFile") : null);
        return reply;
    }

    /** For {@code %flame --list}: the backend that would run and its events. */
    public HashMap<String, Object> list(Map<?, ?> request) {
        Samplers.Choice chosen = backend(request);
        HashMap<String, Object> reply = new HashMap<>();
        reply.put("backend", chosen.backend().name());
        reply.put("why", chosen.why());
        reply.put("events", new ArrayList<>(chosen.backend().events()));
        reply.put("paranoid", AsyncProfilerBackend.paranoid());
        return reply;
    }

    private Samplers.Choice backend(Map<?, ?> request) {
        return samplers.choose(
                request.get("backend") == null ? "auto" : (String) request.get("backend"), (String) request.get("jar"));
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
