package dev.perfshell.repl.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfshell.repl.Golden;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileRendererTest {

    @Test
    void fibGolden() {
        Golden.assertMatches("profile-fib.txt", ProfileRenderer.render(Profiles.fib()));
    }

    @Test
    void variantsGolden() {
        List<String> lines = new ArrayList<>();
        section(
                lines,
                "counts only, -s calls",
                ProfileRenderer.render(Profiles.fibCounts(), List.of(SortKey.CALLS), List.of()));
        section(lines, "partial", ProfileRenderer.render(Profiles.partialParse()));
        section(
                lines,
                "4 threads, -s cumulative",
                ProfileRenderer.render(Profiles.fourThreads(), List.of(SortKey.CUMULATIVE), List.of()));
        section(
                lines,
                "-l 3",
                ProfileRenderer.render(Profiles.fib(), SortKey.DEFAULT_ORDER, List.of(Restriction.parse("3"))));
        section(
                lines,
                "-s name -s line -l # -l 0.5 -l 10",
                ProfileRenderer.render(
                        Profiles.fib(),
                        List.of(SortKey.NAME, SortKey.LINE),
                        List.of(Restriction.parse("#"), Restriction.parse("0.5"), Restriction.parse("10"))));
        section(
                lines,
                "-l 0",
                ProfileRenderer.render(Profiles.fib(), SortKey.DEFAULT_ORDER, List.of(Restriction.parse("0"))));
        Golden.assertMatches("profile-variants.txt", lines);
    }

    @Test
    void callViewsGolden() {
        List<String> lines = new ArrayList<>();
        section(lines, "callers fib", ProfileRenderer.callers(Profiles.fib(), "fib"));
        section(lines, "callees, all rows", ProfileRenderer.callees(Profiles.fib(), SortKey.DEFAULT_ORDER, List.of()));
        section(
                lines,
                "callers, counts only, -s stdname",
                ProfileRenderer.callers(Profiles.fibCounts(), List.of(SortKey.STDNAME), List.of()));
        section(lines, "callees, partial", ProfileRenderer.callees(Profiles.partialParse(), "parse"));
        Golden.assertMatches("profile-calls.txt", lines);
    }

    @Test
    void headerSaysFunctionCallsAsPstatsWithMethodForFunction() {
        assertThat(ProfileRenderer.render(Profiles.fib()).get(0))
                .isEqualTo("         21894 method calls (4 primitive calls) in 0.005 seconds");
    }

    @Test
    void headerOmitsPrimitiveCallsWhenNothingRecursed() {
        assertThat(ProfileRenderer.render(Profiles.fourThreads()).get(0))
                .isEqualTo("         1400000004 method calls in 3.210 seconds on 4 threads");
    }

    @Test
    void fibRowHasPstatsColumnsInMicroseconds() {
        List<String> lines = ProfileRenderer.render(Profiles.fib());
        assertThat(lines)
                .containsSubsequence(
                        "   Times in \u00b5s (probe cost subtracted: 49 ns per call)",
                        "   ncalls  tottime  percall  cumtime  percall location(method)",
                        // percall #1 = 4485.120 / 21891 = 0.20488; percall #2 = cumtime / 1 primitive call
                        "  21891/1 4485.120    0.205 4485.120 4485.120 #1:1(fib)");
    }

    @Test
    void countsOnlyHasNoTimes() {
        List<String> lines = ProfileRenderer.render(Profiles.fibCounts(), List.of(SortKey.CALLS), List.of());
        assertThat(lines.get(0))
                .isEqualTo("         21894 method calls (4 primitive calls) in 0.003 seconds (counts only: --counts)");
        assertThat(lines).noneMatch(l -> l.contains("Times in") || l.contains("tottime"));
        assertThat(lines).contains("   ncalls location(method)", "  21891/1 #1:1(fib)");
    }

    @Test
    void partialLineComesFirst() {
        assertThat(ProfileRenderer.render(Profiles.partialParse()).get(0)).isEqualTo(ProfileRenderer.PARTIAL_LINE);
        assertThat(ProfileRenderer.render(Profiles.fib()).get(0)).doesNotContain("Partial");
    }

    @Test
    void unitIsTheFinestInWhichTheLargestTimeHasFourIntegerDigits() {
        assertThat(TimeScale.fitting(0).unit()).isEqualTo("ns");
        assertThat(TimeScale.fitting(9_999).unit()).isEqualTo("ns");
        assertThat(TimeScale.fitting(10_000).unit()).isEqualTo("\u00b5s");
        assertThat(TimeScale.fitting(9_999_999).unit()).isEqualTo("\u00b5s");
        assertThat(TimeScale.fitting(10_000_000).unit()).isEqualTo("ms");
        // 9999.9995 ms prints as 10000.000 ms: five digits, so seconds
        assertThat(TimeScale.fitting(9_999_999_500L).unit()).isEqualTo("s");
        assertThat(TimeScale.fitting(9_999_999_499L).unit()).isEqualTo("ms");
        assertThat(TimeScale.fitting(123_456_000_000_000L).format(123_456_000_000_000L, 1))
                .isEqualTo("123456.000");
        // rounded half-even on the exact quotient: 0.0005 µs is a tie, 0.0015 µs too
        assertThat(TimeScale.fitting(10_000).format(1, 2)).isEqualTo("0.000");
        assertThat(TimeScale.fitting(10_000).format(3, 2)).isEqualTo("0.002");
    }

    @Test
    void badCallerRegexIsRefused() {
        assertThatThrownBy(() -> ProfileRenderer.callers(Profiles.fib(), "fib("))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a valid regular expression: fib(");
    }

    private static void section(List<String> lines, String title, List<String> body) {
        lines.add("# " + title);
        lines.addAll(body);
    }
}
