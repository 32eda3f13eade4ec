package dev.perfshell.repl.lines;

import dev.perfshell.repl.lines.LineProfile.Kind;
import dev.perfshell.repl.lines.LineProfile.Line;
import dev.perfshell.repl.lines.LineProfile.MethodLines;
import java.util.List;

/** Fixed records for the renderer and dump tests; the numbers are chosen, not measured. */
final class SampleProfiles {
    private SampleProfiles() {}

    /** loop(100000) in snippet #3: the for header runs n + 1 times. */
    static MethodLines loop() {
        return new MethodLines(
                "loop(int)",
                "#3",
                1,
                37_160_745,
                List.of(
                        new Line(1, 0, 0, "long loop(int n) {"),
                        new Line(2, 1, 571, "    long total = 0;"),
                        new Line(3, 100_001, 15_101_313, "    for (int i = 0; i < n; i++)"),
                        new Line(4, 100_000, 22_058_661, "        total += (long) i * i;"),
                        new Line(5, 1, 200, "    return total;"),
                        new Line(6, 0, 0, "}")),
                true);
    }

    /** fib(20) in snippet #1: 21,891 calls, 10,945 of them past the base case; line 3 includes its callees. */
    static MethodLines fib() {
        return new MethodLines(
                "fib(int)",
                "#1",
                1,
                9_876_543,
                List.of(
                        new Line(1, 0, 0, "long fib(int n) {"),
                        new Line(2, 21_891, 1_203_450, "    if (n < 2) return n;"),
                        new Line(3, 10_945, 8_673_093, "    return fib(n - 1) + fib(n - 2);"),
                        new Line(4, 0, 0, "}")),
                true);
    }

    /** A method asked for with -f that the statement never called. */
    static MethodLines unused() {
        return new MethodLines(
                "unused(int)",
                "#2",
                1,
                0,
                List.of(
                        new Line(1, 0, 0, "int unused(int x) {"),
                        new Line(2, 0, 0, "    return x + 1;"),
                        new Line(3, 0, 0, "}")),
                true);
    }

    /** A %classpath class compiled without its source at hand: line 15 has no events. */
    static MethodLines boxTwice() {
        return new MethodLines(
                "Box.twice(int)",
                "com/acme/Box.java",
                12,
                5_000,
                List.of(new Line(13, 2, 3_000, ""), new Line(14, 2, 2_000, ""), new Line(15, 0, 0, "")),
                false);
    }

    static LineProfile time() {
        return new LineProfile(
                Kind.TIME,
                "loop(100000); fib(20); twice()",
                List.of(loop(), fib(), unused(), boxTwice()),
                31.5,
                List.of(),
                false);
    }

    /** One line runs 12,345,678,901 times; its total overflows line_profiler's 12-character Time column. */
    static LineProfile big() {
        return new LineProfile(
                Kind.TIME,
                "spin()",
                List.of(new MethodLines(
                        "spin()",
                        "#9",
                        1,
                        98_765_432_109_876L,
                        List.of(
                                new Line(1, 0, 0, "void spin() {"),
                                new Line(2, 12_345_678_901L, 98_765_432_109_876L, "    while (more()) step();"),
                                new Line(3, 0, 0, "}")),
                        true)),
                31.5,
                List.of(),
                false);
    }

    /**
     * fill(5) allocates new byte[1024] (1,040 B with its 16-byte header) once per iteration, grow(1000) a thousand
     * times; Box.twice never runs. 16-byte alignment leaves 1,040 B as it is (it is a multiple of 16).
     */
    static LineProfile bytes() {
        return new LineProfile(
                Kind.BYTES,
                "fill(5); grow(1000)",
                List.of(
                        new MethodLines(
                                "fill(int)",
                                "#4",
                                1,
                                5_200,
                                List.of(
                                        new Line(1, 0, 0, "void fill(int n) {"),
                                        new Line(2, 6, 0, "    for (int i = 0; i < n; i++) {"),
                                        new Line(3, 5, 5_200, "        sink = new byte[1024];"),
                                        new Line(4, 0, 0, "    }"),
                                        new Line(5, 1, 0, "}")),
                                true),
                        new MethodLines(
                                "grow(int)",
                                "#5",
                                1,
                                1_040_000,
                                List.of(
                                        new Line(1, 0, 0, "void grow(int n) {"),
                                        new Line(2, 1_001, 0, "    for (int i = 0; i < n; i++)"),
                                        new Line(3, 1_000, 1_040_000, "        list.add(new byte[1024]);"),
                                        new Line(4, 1, 0, "}")),
                                true),
                        new MethodLines(
                                "Box.twice(int)",
                                "com/acme/Box.java",
                                12,
                                0,
                                List.of(new Line(13, 0, 0, ""), new Line(14, 0, 0, "")),
                                false)),
                0,
                List.of("-XX:ObjectAlignmentInBytes=16"),
                false);
    }
}
