package dev.perfshell.timing.runtime;

import org.openjdk.jmh.infra.Blackhole;

/**
 * Checks that consumed values stay alive in this engine, the way JMH checks for compiler
 * blackholes before it trusts them. A known expression ({@code Math.sqrt(x) * x + 1.0}, ~2.4 ns
 * here) is timed consumed, next to an empty payload. If the consumed expression costs no more
 * than the empty loop, the blackhole CompileCommand was dropped (measured: a missing unlock
 * flag silently turns every consumed value into dead code) and the engine must fall back to
 * JMH's full Blackhole.
 */
public final class BlackholeSelfCheck {
    /** The consumed expression must cost at least this many times the empty payload. */
    static final double MIN_RATIO = 2.0;

    private static final long WARMUP_NANOS = 150_000_000L;
    private static final long MEASURE_NANOS = 60_000_000L;

    /**
     * Consumes the known expression; the names match the engine's inline/dontinline CompileCommands.
     * The loop is repeated in {@link Empty} on purpose: as in the generated classes, each class
     * needs its own loop so each gets its own JIT profile (a shared loop would see both payloads).
     */
    static final class Consumed implements Timed {
        double x = 3.7;

        @Override
        public void perfshell$setup() {}

        @Override
        public long perfshell$loop(Blackhole bh, LoopControl control) {
            long ops = 0;
            do {
                perfshell$payload(bh);
                ops++;
            } while (!control.isDone);
            return ops;
        }

        @Override
        public long perfshell$loopCounted(Blackhole bh, LoopControl control, long n) {
            long ops = 0;
            do {
                perfshell$payload(bh);
                ops++;
            } while (ops < n && !control.isDone);
            return ops;
        }

        private void perfshell$payload(Blackhole bh) {
            bh.consume(Math.sqrt(x) * x + 1.0);
        }
    }

    /** The same loop with nothing in it: the floor. */
    static final class Empty implements Timed {
        @Override
        public void perfshell$setup() {}

        @Override
        public long perfshell$loop(Blackhole bh, LoopControl control) {
            long ops = 0;
            do {
                perfshell$payload(bh);
                ops++;
            } while (!control.isDone);
            return ops;
        }

        @Override
        public long perfshell$loopCounted(Blackhole bh, LoopControl control, long n) {
            long ops = 0;
            do {
                perfshell$payload(bh);
                ops++;
            } while (ops < n && !control.isDone);
            return ops;
        }

        private void perfshell$payload(Blackhole bh) {}
    }

    private BlackholeSelfCheck() {}

    /** Runs the check. */
    public static BlackholeCheck run(TimeitRunner runner) throws Throwable {
        TimeitPlan plan = new TimeitPlan(WARMUP_NANOS + MEASURE_NANOS, 5, 0, WARMUP_NANOS / 2, 0, 1);
        // The fastest run of each: noise (another process on the core) only ever adds time. The empty loop is timed
        // before and after the consumed one, and its faster reading is the floor: at an engine's start the JIT's queue
        // is long on two cores, and a first empty loop still running C1's code read 1.74 ns against 0.3-0.5 later,
        // which failed the check (2.4 ns consumed is less than twice that) and called right timings "as fast as an
        // empty loop".
        Empty emptyLoop = new Empty();
        double early = runner.run(emptyLoop, plan, false, false).fastestPerOpNanos();
        double consumed = runner.run(new Consumed(), plan, false, false).fastestPerOpNanos();
        double empty = Math.min(early, runner.run(emptyLoop, plan, false, false).fastestPerOpNanos());
        return new BlackholeCheck(
                consumed,
                empty,
                Boolean.getBoolean("compilerBlackholesEnabled") ? "compiler" : "full",
                consumed >= MIN_RATIO * empty);
    }
}
