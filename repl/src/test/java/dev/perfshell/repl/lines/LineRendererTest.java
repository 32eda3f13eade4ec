package dev.perfshell.repl.lines;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.Golden;
import dev.perfshell.repl.lines.LineProfile.Kind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineRendererTest {
    private static final String HEADER = "Line #      Hits         Time  Per Hit   % Time  Line Contents";

    @Test
    void timeGolden() {
        Golden.assertMatches("lines-time.txt", LineRenderer.render(SampleProfiles.time(), TimerUnit.DEFAULT, false));
    }

    @Test
    void bytesGolden() {
        Golden.assertMatches("lines-bytes.txt", LineRenderer.render(SampleProfiles.bytes(), TimerUnit.DEFAULT, false));
    }

    @Test
    void variantsGolden() {
        List<String> lines = new ArrayList<>();
        section(lines, "-s", LineRenderer.render(SampleProfiles.time(), TimerUnit.DEFAULT, true));
        section(lines, "partial", LineRenderer.render(partial(SampleProfiles.time()), TimerUnit.DEFAULT, true));
        section(lines, "-u 1e-06", LineRenderer.render(SampleProfiles.time(), TimerUnit.parse("1e-06"), true));
        section(lines, "-u ms", LineRenderer.render(SampleProfiles.time(), TimerUnit.parse("ms"), true));
        section(lines, "big numbers", LineRenderer.render(SampleProfiles.big(), TimerUnit.DEFAULT, false));
        section(
                lines,
                "bytes, -s, partial",
                LineRenderer.render(partial(SampleProfiles.bytes()), TimerUnit.DEFAULT, true));
        Golden.assertMatches("lines-variants.txt", lines);
    }

    @Test
    void loopBlockHasLineProfilersLayout() {
        List<String> lines = LineRenderer.render(SampleProfiles.time(), TimerUnit.DEFAULT, false);
        assertThat(lines.subList(0, 15))
                .containsExactly(
                        "Timer unit: 1e-09 s",
                        LineRenderer.NOTE,
                        "",
                        "Total time: 0.0371607 s",
                        "Method: loop(int) at #3",
                        "",
                        HEADER,
                        "=".repeat(62),
                        "     1                                           long loop(int n) {",
                        "     2         1        571.0    571.0      0.0      long total = 0;",
                        // 15,101,313 / 100,001 = 151.01; 15,101,313 / 37,160,745 = 40.64 %
                        "     3    100001   15101313.0    151.0     40.6      for (int i = 0; i < n; i++)",
                        "     4    100000   22058661.0    220.6     59.4          total += (long) i * i;",
                        "     5         1        200.0    200.0      0.0      return total;",
                        "     6                                           }",
                        "");
    }

    @Test
    void noteIsPrintedOnceForTimeAndNeverForBytes() {
        assertThat(LineRenderer.render(SampleProfiles.time(), TimerUnit.DEFAULT, false))
                .containsOnlyOnce(LineRenderer.NOTE);
        assertThat(LineRenderer.render(SampleProfiles.bytes(), TimerUnit.DEFAULT, false))
                .doesNotContain(LineRenderer.NOTE);
    }

    @Test
    void methodWithoutSourceListsOnlyTheLinesThatRan() {
        List<String> lines = LineRenderer.render(SampleProfiles.time(), TimerUnit.DEFAULT, false);
        int at = lines.indexOf("File: com/acme/Box.java");
        assertThat(lines.subList(at - 1, lines.size()))
                .containsExactly(
                        "Total time: 5e-06 s",
                        "File: com/acme/Box.java",
                        "Method: Box.twice(int) at line 12",
                        "(source not available)",
                        "",
                        HEADER,
                        "=".repeat(62),
                        "    13         2       3000.0   1500.0     60.0",
                        "    14         2       2000.0   1000.0     40.0");
    }

    @Test
    void neverHitMethodHasZeroTotalAndBlankColumns() {
        List<String> lines = LineRenderer.render(SampleProfiles.time(), TimerUnit.DEFAULT, false);
        int at = lines.indexOf("Method: unused(int) at #2");
        assertThat(lines.get(at - 1)).isEqualTo("Total time: 0 s");
        assertThat(lines.subList(at + 4, at + 7))
                .containsExactly(
                        "     1                                           int unused(int x) {",
                        "     2                                               return x + 1;",
                        "     3                                           }");
    }

    @Test
    void skipUnhitDropsOnlyTheMethodThatNeverRan() {
        List<String> all = LineRenderer.render(SampleProfiles.time(), TimerUnit.DEFAULT, false);
        List<String> skipped = LineRenderer.render(SampleProfiles.time(), TimerUnit.DEFAULT, true);
        assertThat(methods(all))
                .containsExactly(
                        "Method: loop(int) at #3",
                        "Method: fib(int) at #1",
                        "Method: unused(int) at #2",
                        "Method: Box.twice(int) at line 12");
        assertThat(methods(skipped))
                .containsExactly(
                        "Method: loop(int) at #3", "Method: fib(int) at #1", "Method: Box.twice(int) at line 12");
        assertThat(skipped).hasSize(all.size() - 9); // separator, Total, Method, blank, header, rule, 3 rows
    }

    @Test
    void partialLineComesFirst() {
        assertThat(LineRenderer.render(partial(SampleProfiles.time()), TimerUnit.DEFAULT, false)
                        .subList(0, 2))
                .containsExactly("*** Partial profile: the statement did not complete.", "Timer unit: 1e-09 s");
        assertThat(LineRenderer.render(partial(SampleProfiles.bytes()), TimerUnit.DEFAULT, false)
                        .get(0))
                .isEqualTo("*** Partial profile: the statement did not complete.");
    }

    @Test
    void microsecondUnitScalesTimeAndPerHit() {
        List<String> lines = LineRenderer.render(SampleProfiles.time(), TimerUnit.parse("us"), false);
        assertThat(lines.get(0)).isEqualTo("Timer unit: 1e-06 s");
        assertThat(lines)
                .contains(
                        "     2         1          0.6      0.6      0.0      long total = 0;",
                        "     3    100001      15101.3      0.2     40.6      for (int i = 0; i < n; i++)");
    }

    @Test
    void columnsWidenForBigNumbersAndTheRuleFollows() {
        List<String> lines = LineRenderer.render(SampleProfiles.big(), TimerUnit.DEFAULT, false);
        assertThat(lines)
                .containsSubsequence(
                        "Total time: 98765.4 s",
                        "Line #        Hits             Time  Per Hit   % Time  Line Contents",
                        "=".repeat(68),
                        "     1                                                 void spin() {",
                        // 98,765,432,109,876 / 12,345,678,901 = 8000.0000...
                        "     2 12345678901 98765432109876.0   8000.0    100.0      while (more()) step();");
    }

    @Test
    void bytesBlockShowsExactBytesLayoutFlagsAndTotals() {
        List<String> lines = LineRenderer.render(SampleProfiles.bytes(), TimerUnit.DEFAULT, false);
        assertThat(lines.subList(0, 13))
                .containsExactly(
                        "Object layout: -XX:ObjectAlignmentInBytes=16 (byte counts differ from a default JVM's)",
                        "",
                        "Total allocated: 5,200 B",
                        "Method: fill(int) at #4",
                        "",
                        "Line #    Allocated  Occurrences   Line Contents",
                        "=".repeat(48),
                        "     1                             void fill(int n) {",
                        "     2          0 B            6       for (int i = 0; i < n; i++) {",
                        "     3      5,200 B            5           sink = new byte[1024];",
                        "     4                                 }",
                        "     5          0 B            1   }",
                        "");
        assertThat(lines)
                .contains(
                        "Total allocated: 1015.6 KiB (1,040,000 B)",
                        "     3   1015.6 KiB         1000           list.add(new byte[1024]);");
    }

    @Test
    void methodWithoutSourceThatNeverRanHasNoTable() {
        List<String> lines = LineRenderer.render(SampleProfiles.bytes(), TimerUnit.DEFAULT, false);
        assertThat(lines.subList(lines.size() - 5, lines.size()))
                .containsExactly(
                        "",
                        "Total allocated: 0 B",
                        "File: com/acme/Box.java",
                        "Method: Box.twice(int) at line 12",
                        "(source not available)");
    }

    @Test
    void bytesAreExactBelowTenKibAndOneDecimalAbove() {
        assertThat(LineRenderer.bytes(0)).isEqualTo("0 B");
        assertThat(LineRenderer.bytes(1_040)).isEqualTo("1,040 B");
        assertThat(LineRenderer.bytes(10_239)).isEqualTo("10,239 B");
        assertThat(LineRenderer.bytes(10_240)).isEqualTo("10.0 KiB");
        assertThat(LineRenderer.bytes(104_000)).isEqualTo("101.6 KiB");
        assertThat(LineRenderer.bytes(1_048_575)).isEqualTo("1024.0 KiB"); // 1023.999 rounds up, still under 1 MiB
        assertThat(LineRenderer.bytes(1_048_576)).isEqualTo("1.0 MiB");
        assertThat(LineRenderer.bytes(3L << 40)).isEqualTo("3.0 TiB");
    }

    @Test
    void percentIsBlankWhenTheMethodTotalIsZero() {
        LineProfile zero = new LineProfile(
                Kind.TIME,
                "f()",
                List.of(new LineProfile.MethodLines(
                        "f()", "#1", 1, 0, List.of(new LineProfile.Line(1, 3, 0, "int f() { return 1; }")), true)),
                0,
                List.of(),
                false);
        assertThat(LineRenderer.render(zero, TimerUnit.DEFAULT, false))
                .endsWith("     1         3          0.0      0.0           int f() { return 1; }");
    }

    @Test
    void noMethodsLeavesTheHeaderOnly() {
        LineProfile none = new LineProfile(Kind.TIME, "f()", List.of(), 0, List.of(), false);
        assertThat(LineRenderer.render(none, TimerUnit.DEFAULT, false))
                .containsExactly("Timer unit: 1e-09 s", LineRenderer.NOTE);
    }

    private static List<String> methods(List<String> lines) {
        return lines.stream().filter(line -> line.startsWith("Method: ")).toList();
    }

    private static LineProfile partial(LineProfile p) {
        return new LineProfile(p.kind(), p.source(), p.methods(), p.perEventNanos(), p.layoutFlags(), true);
    }

    private static void section(List<String> lines, String title, List<String> body) {
        lines.add("# " + title);
        lines.addAll(body);
    }
}
