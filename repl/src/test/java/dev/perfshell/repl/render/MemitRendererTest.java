package dev.perfshell.repl.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.profiling.jol.Footprint;
import dev.perfshell.profiling.memory.MemitResult;
import dev.perfshell.profiling.memory.MemitRun;
import dev.perfshell.repl.Golden;
import dev.perfshell.repl.memory.MemitReport;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code %memit}'s and {@code %sizeof}'s fixed formats, fed fixed records. */
class MemitRendererTest {
    private static final long MIB = 1024 * 1024;

    private static MemitRun run(
            long baseline, long peak, long allocated, long retained, long gcCount, List<String> flags) {
        return new MemitRun(
                1,
                baseline,
                peak,
                allocated,
                false,
                retained,
                gcCount,
                gcCount * 2_000_000,
                300 * MIB,
                376 * MIB + 512 * 1024,
                false,
                flags);
    }

    @Test
    void bigShortLivedArrayGolden() {
        MemitReport report = new MemitReport(
                "new long[10_000_000]",
                List.of(run(10 * MIB, 90 * MIB, 80_000_080, 1_232, 1, List.of())),
                new MemitReport.PerOp(80_000_016, 19),
                "",
                null,
                "");
        Golden.assertMatches("memit-renderer.txt", MemitRenderer.render(report));
    }

    @Test
    void variantsGolden() {
        List<String> lines = new ArrayList<>();
        MemitReport[] cases = {
            // a statement: not looped; RSS unknown (no /proc)
            new MemitReport(
                    "keep.add(new byte[100])",
                    List.of(new MemitRun(
                            1, 10 * MIB, 10 * MIB + 4096, 1_104, true, 1_232, 0, 0, -1, -1, false, List.of())),
                    null,
                    "not measured for a statement (looping it would repeat its effects); -n LOOPS loops it anyway",
                    null,
                    ""),
            // three repeats, a fraction of a byte per op, --result, a layout flag, stopped by --timeout
            new MemitReport(
                    "f()",
                    List.of(
                            run(MIB, 3 * MIB, 100, 2_080, 0, List.of("-XX:-UseCompressedClassPointers")),
                            run(MIB, 5 * MIB, 100, 2_080, 0, List.of("-XX:-UseCompressedClassPointers")),
                            run(MIB, 4 * MIB, 100, 2_080, 2, List.of("-XX:-UseCompressedClassPointers"))),
                    new MemitReport.PerOp(0.0213, 123_456_789),
                    "",
                    new Footprint("java.util.ArrayList", 2_080, 102, List.of(), null),
                    "Stopped by --timeout after 1 s: the figures cover the part that ran."),
        };
        for (MemitReport report : cases) {
            lines.add("# " + report.source());
            lines.addAll(MemitRenderer.render(report));
        }
        Golden.assertMatches("memit-renderer-variants.txt", lines);
    }

    @Test
    void memoryProfilersLineComesFirstAndTheWorstRepeatWins() {
        MemitReport report = new MemitReport(
                "x",
                List.of(run(MIB, 3 * MIB, 1, 0, 0, List.of()), run(MIB, 7 * MIB, 2, 0, 0, List.of())),
                null,
                "",
                null,
                "");
        assertThat(MemitRenderer.render(report).get(0)).isEqualTo("peak memory: 7.00 MiB, increment: 6.00 MiB");
        MemitResult result = report.result();
        assertThat(result.peakBytesPerRepeat()).containsExactly(3 * MIB, 7 * MIB);
        assertThat(result.allocatedBytes()).isEqualTo(2);
        assertThat(result.allocatedBytesPerOp()).isNaN();
    }

    @Test
    void constructorRebuildsTheResult() {
        MemitResult result = new MemitResult(5, 4, 3, 1040.5, -2, 1, 7, 9, -1, new long[] {5, 4});
        assertThat(MemitRenderer.constructor(result))
                .isEqualTo(
                        "new dev.perfshell.profiling.memory.MemitResult(5L, 4L, 3L, 1040.5, -2L, 1L, 7L, 9L, -1L, new long[] {5L, 4L})");
        MemitResult noPerOp = new MemitResult(5, 4, 3, Double.NaN, -2, 1, 7, 9, -1, new long[] {5});
        assertThat(MemitRenderer.constructor(noPerOp)).contains(", Double.NaN, ");
    }

    @Test
    void sizeofGolden() {
        Footprint list = new Footprint(
                "java.util.ArrayList",
                2_080,
                102,
                List.of(
                        new Footprint.Row("java.lang.Integer", 100, 1_600),
                        new Footprint.Row("java.lang.Object[]", 1, 456),
                        new Footprint.Row("java.util.ArrayList", 1, 24)),
                null);
        Footprint record = new Footprint(
                "REPL.$JShell$12$Point",
                24,
                1,
                List.of(new Footprint.Row("REPL.$JShell$12$Point", 1, 24)),
                "REPL.$JShell$12$Point object internals:\nOFF  SZ   TYPE DESCRIPTION               VALUE\n"
                        + " 12   4    int REPL.$JShell$12$Point.x                N/A\n");
        Footprint odd = new Footprint("Node", 40, 3, List.of(new Footprint.Row("Node", 3, 40)), null);
        List<String> lines = new ArrayList<>();
        lines.addAll(SizeofRenderer.render("list", list));
        lines.addAll(SizeofRenderer.render("new Point(1, 2)", record));
        lines.addAll(SizeofRenderer.render("nodes", odd));
        lines.addAll(SizeofRenderer.render("nothing ", Footprint.ofNull()));
        Golden.assertMatches("sizeof-renderer.txt", lines);
    }
}
