package dev.perfshell.repl.profile;

import dev.perfshell.repl.profile.Profile.CallEdge;
import dev.perfshell.repl.profile.Profile.MethodStats;
import java.util.List;

/** Fixed profiles for the renderer and dump tests; times in ns. */
final class Profiles {
    private Profiles() {}

    /**
     * {@code run()} calls {@code fib(20)} (21,891 calls, 1 primitive) and {@code box(5)}, which calls the boundary
     * {@code Long.valueOf}: 21,894 calls, 4 primitive. The rows' self times add up to run's cumulative time.
     */
    static Profile fib() {
        return new Profile(
                "run()",
                4_512_345,
                49,
                1,
                true,
                List.of(
                        new MethodStats("box", "box(long)", "#2:2(box)", false, 1, 1, 700, 1_500),
                        new MethodStats("fib", "fib(int)", "#1:1(fib)", false, 21_891, 1, 4_485_120, 4_485_120),
                        new MethodStats("run", "run()", "#3:1(run)", false, 1, 1, 3_380, 4_490_000),
                        new MethodStats(
                                "valueOf",
                                "java.lang.Long.valueOf(long)",
                                "{java.lang.Long.valueOf}",
                                true,
                                1,
                                1,
                                800,
                                800)),
                List.of(
                        new CallEdge("run", "fib", 1, 1, 205, 4_485_120),
                        new CallEdge("fib", "fib", 21_890, 0, 4_484_915, 4_484_990),
                        new CallEdge("run", "box", 1, 1, 700, 1_500),
                        new CallEdge("box", "valueOf", 1, 1, 800, 800)),
                false);
    }

    /** {@link #fib} as {@code --counts} records it: the same calls, no times. */
    static Profile fibCounts() {
        Profile timed = fib();
        return new Profile(
                timed.source(),
                3_020_000,
                0,
                1,
                false,
                timed.methods().stream()
                        .map(m -> new MethodStats(
                                m.key(), m.method(), m.location(), m.boundary(), m.calls(), m.primitiveCalls(), 0, 0))
                        .toList(),
                timed.edges().stream()
                        .map(e -> new CallEdge(e.caller(), e.callee(), e.calls(), e.primitiveCalls(), 0, 0))
                        .toList(),
                false);
    }

    /** A parse loop that threw on its 1,001st input: partial, times in ms. */
    static Profile partialParse() {
        return new Profile(
                "parseAll(lines)",
                38_400_000,
                51,
                1,
                true,
                List.of(
                        new MethodStats("all", "parseAll(List)", "#7:1(parseAll)", false, 1, 1, 1_250_000, 38_100_000),
                        new MethodStats(
                                "one",
                                "parseOne(String)",
                                "#7:9(parseOne)",
                                false,
                                1_001,
                                1_001,
                                4_400_000,
                                36_850_000),
                        new MethodStats(
                                "pi",
                                "java.lang.Integer.parseInt(String)",
                                "{java.lang.Integer.parseInt}",
                                true,
                                3_003,
                                3_003,
                                32_450_000,
                                32_450_000)),
                List.of(
                        new CallEdge("all", "one", 1_001, 1_001, 4_400_000, 36_850_000),
                        new CallEdge("one", "pi", 3_003, 3_003, 32_450_000, 32_450_000)),
                true);
    }

    /** Four workers summing for 12.3 s of thread time in 3.2 s of wall time: seconds, and a long ncalls. */
    static Profile fourThreads() {
        return new Profile(
                "pool.invokeAll(tasks)",
                3_210_000_000L,
                48,
                4,
                true,
                List.of(
                        new MethodStats(
                                "work", "Task.call()", "Task.java:14(call)", false, 4, 4, 345_678_901, 12_345_678_901L),
                        new MethodStats(
                                "step",
                                "Task.step(long)",
                                "Task.java:30(step)",
                                false,
                                400_000_000,
                                400_000_000,
                                11_000_000_000L,
                                12_000_000_000L),
                        new MethodStats(
                                "mix",
                                "java.lang.Long.rotateLeft(long,int)",
                                "{java.lang.Long.rotateLeft}",
                                true,
                                1_000_000_000,
                                1_000_000_000,
                                1_000_000_000,
                                1_000_000_000)),
                List.of(
                        new CallEdge("work", "step", 400_000_000, 400_000_000, 11_000_000_000L, 12_000_000_000L),
                        new CallEdge("step", "mix", 1_000_000_000, 1_000_000_000, 1_000_000_000, 1_000_000_000)),
                false);
    }
}
