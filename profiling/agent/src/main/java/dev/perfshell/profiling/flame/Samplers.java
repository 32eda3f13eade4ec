package dev.perfshell.profiling.flame;

/**
 * The engine's sampling profilers, each loaded once and shared by {@code %flame} and {@code %prun}: async-profiler,
 * loaded on first use from the jar the front end names, or JFR where it cannot load (no library for the platform, a
 * refused {@code dlopen}); the reason for a fallback goes back to the user.
 */
public final class Samplers {
    private SamplingBackend async;
    private String asyncProblem;
    private final JfrBackend jfr = new JfrBackend();

    /** The backend that runs, and why it is not the one asked for ("" when it is). */
    record Choice(SamplingBackend backend, String why) {}

    /**
     * {@code auto}: async-profiler, JFR where it cannot load; {@code jfr}: JFR; {@code async}: async-profiler or a
     * failure naming why it cannot load, never a silent switch of profiler.
     */
    Choice choose(String asked, String jar) {
        if ("jfr".equals(asked)) return new Choice(jfr, "chosen with --backend jfr");
        if (async == null && asyncProblem == null) {
            try {
                async = AsyncProfilerBackend.load(jar);
            } catch (
                    Throwable
                            e) { // UnsatisfiedLinkError included: a library that will not load is a reason, not a crash
                asyncProblem = "async-profiler could not load: " + e;
            }
        }
        if (async != null) return new Choice(async, "");
        if ("async".equals(asked)) throw new IllegalStateException(asyncProblem);
        return new Choice(jfr, asyncProblem);
    }

    /**
     * Samples the calling thread's stacks until {@link Running#stop}: async-profiler's wall clock, which samples the
     * thread whatever it is doing (running, waiting, blocked), so shares of samples are shares of the wall time the
     * statement took, the time cProfile's columns hold; or, where async-profiler cannot load, JFR's CPU sampler, whose
     * period cannot go below 1 ms (fewer samples, and only while the thread runs Java code).
     *
     * @param intervalNanos async-profiler's interval; JFR samples at most every millisecond
     */
    public Running sampleThisThread(String jar, long intervalNanos) throws Exception {
        return sampleThisThread(jar, intervalNanos, false);
    }

    /**
     * @param lines the stacks carry line numbers ({@code owner.name(descriptor):line}, see {@link JfrStacks}): the
     *              sampler writes a JFR recording, read back when it stops
     */
    public Running sampleThisThread(String jar, long intervalNanos, boolean lines) throws Exception {
        Choice choice = choose("auto", jar);
        boolean jfrFallback = choice.backend() == jfr;
        String event = jfrFallback ? "cpu" : "wall";
        long interval = jfrFallback ? Math.max(1_000_000L, intervalNanos) : intervalNanos;
        java.nio.file.Path recording = lines ? java.nio.file.Files.createTempFile("perfshell-lines", ".jfr") : null;
        SamplingBackend.Started started =
                choice.backend().start(new SamplingBackend.Options(event, Long.toString(interval), false, recording));
        return new Running(
                choice.backend(),
                started.event(),
                interval,
                choice.why(),
                recording,
                Thread.currentThread().getId());
    }

    /** A running sampling of one thread. */
    public static final class Running {
        private final SamplingBackend backend;
        private final String event;
        private final long intervalNanos;
        private final String why;

        private final java.nio.file.Path recording;
        private final long threadId;

        private Running(
                SamplingBackend backend,
                String event,
                long intervalNanos,
                String why,
                java.nio.file.Path recording,
                long threadId) {
            this.backend = backend;
            this.event = event;
            this.intervalNanos = intervalNanos;
            this.why = why;
            this.recording = recording;
            this.threadId = threadId;
        }

        /** Stops sampling: the stacks in the folded format, root first ({@code a;b;c 12} per line). */
        public String stop() throws Exception {
            String folded = backend.stop();
            if (recording == null) return folded;
            try {
                return JfrStacks.foldWithLines(recording, threadId);
            } finally {
                java.nio.file.Files.deleteIfExists(recording);
            }
        }

        /**
         * {@code async-profiler wall clock}, for the report's footer. The interval is not named: what is asked is not
         * what comes (async-profiler's wall clock delivers about one sample per 200 µs when asked for 100 µs).
         */
        public String describe() {
            return backend.name() + " " + (event.equals("wall") ? "wall clock" : event);
        }

        public long intervalNanos() {
            return intervalNanos;
        }

        /** Why the backend is not async-profiler, or "". */
        public String why() {
            return why;
        }
    }
}
