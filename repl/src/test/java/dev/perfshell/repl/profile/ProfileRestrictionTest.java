package dev.perfshell.repl.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfshell.repl.profile.Profile.MethodStats;
import dev.perfshell.repl.profile.Restriction.Restricted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileRestrictionTest {
    private static final List<MethodStats> ROWS = rows(
            "#1:1(fib)",
            "#3:1(run)",
            "{java.lang.Long.valueOf}",
            "#2:2(box)",
            "Foo.java:12(bar)",
            "Foo.java:30(baz)",
            "{java.util.HashMap.get}");

    @Test
    void integerKeepsTheFirstRows() {
        Restriction three = Restriction.parse("3");
        assertThat(three).isEqualTo(new Restriction.FirstRows(3));
        assertThat(locations(three.apply(ROWS))).containsExactly("#1:1(fib)", "#3:1(run)", "{java.lang.Long.valueOf}");
        assertThat(Restriction.parse("0").apply(ROWS)).isEmpty();
        assertThat(Restriction.parse("7").apply(ROWS)).hasSize(7);
        assertThat(Restriction.parse("99999999999999999999").apply(ROWS)).hasSize(7);
        // Python's int(): surrounding space, a sign, underscores between digits
        assertThat(Restriction.parse(" +1_0 ")).isEqualTo(new Restriction.FirstRows(10));
    }

    @Test
    void fractionRoundsAsPstats() {
        // int(7 * 0.5 + 0.5) = 4; int(7 * 0.2 + 0.5) = 1; int(7 * 0.07 + 0.5) = 0
        assertThat(locations(Restriction.parse("0.5").apply(ROWS)))
                .containsExactly("#1:1(fib)", "#3:1(run)", "{java.lang.Long.valueOf}", "#2:2(box)");
        assertThat(Restriction.parse(".2").apply(ROWS)).hasSize(1);
        assertThat(Restriction.parse("7e-2").apply(ROWS)).isEmpty();
        assertThat(Restriction.parse("1.0").apply(ROWS)).hasSize(7);
        assertThat(Restriction.parse("0.25")).isEqualTo(new Restriction.Fraction(0.25));
    }

    @Test
    void otherTextIsARegexFoundInTheLocation() {
        assertThat(locations(Restriction.parse("Foo").apply(ROWS)))
                .containsExactly("Foo.java:12(bar)", "Foo.java:30(baz)");
        assertThat(locations(Restriction.parse("^\\{").apply(ROWS)))
                .containsExactly("{java.lang.Long.valueOf}", "{java.util.HashMap.get}");
        assertThat(locations(Restriction.parse(":1\\(").apply(ROWS))).containsExactly("#1:1(fib)", "#3:1(run)");
        assertThat(Restriction.parse("ba[rz]$").apply(ROWS)).isEmpty();
        assertThat(Restriction.parse("1.5.2")).isInstanceOf(Restriction.Matching.class);
    }

    @Test
    void chainedRestrictionsSayWhatEachRemoved() {
        Restricted result = Restriction.applyAll(
                ROWS,
                List.of(
                        Restriction.parse("java"),
                        Restriction.parse("2"),
                        Restriction.parse("0.5"),
                        Restriction.parse("5")));
        assertThat(locations(result.rows())).containsExactly("{java.lang.Long.valueOf}");
        assertThat(result.reductionLines())
                .containsExactly(
                        "   List reduced from 7 to 4 due to restriction <'java'>",
                        "   List reduced from 4 to 2 due to restriction <2>",
                        "   List reduced from 2 to 1 due to restriction <0.5>");
        assertThat(Restriction.applyAll(ROWS, List.of()).reductionLines()).isEmpty();
    }

    @Test
    void regexIsQuotedAsPythonReprQuotesIt() {
        assertThat(Restriction.parse("fib\\(").repr()).isEqualTo("'fib\\\\('");
        assertThat(Restriction.parse("it's").repr()).isEqualTo("\"it's\"");
        assertThat(Restriction.parse("a\"b'c").repr()).isEqualTo("'a\"b\\'c'");
        assertThat(Restriction.parse("\u00b5s").repr()).isEqualTo("'\u00b5s'");
    }

    @Test
    void fractionIsWrittenAsPythonReprWritesFloats() {
        assertThat(new Restriction.Fraction(0.1).repr()).isEqualTo("0.1");
        assertThat(new Restriction.Fraction(1e-5).repr()).isEqualTo("1e-05");
        assertThat(new Restriction.Fraction(2.5e-7).repr()).isEqualTo("2.5e-07");
        assertThat(new Restriction.Fraction(0.0001).repr()).isEqualTo("0.0001");
        assertThat(new Restriction.Fraction(0.00012).repr()).isEqualTo("0.00012");
        assertThat(new Restriction.Fraction(1.0 / 3).repr()).isEqualTo("0.3333333333333333");
        assertThat(new Restriction.Fraction(0).repr()).isEqualTo("0.0");
        assertThat(new Restriction.Fraction(1).repr()).isEqualTo("1.0");
    }

    @Test
    void valuesThatCannotRestrictAreRefusedBeforeRunning() {
        assertThatThrownBy(() -> Restriction.parse("-3"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-l -3: a row count can't be negative");
        assertThatThrownBy(() -> Restriction.parse("1.5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-l 1.5: a fraction of the rows must be from 0 to 1 (0.25 is the first quarter)");
        assertThatThrownBy(() -> Restriction.parse("nan")).hasMessageStartingWith("-l nan: a fraction");
        assertThatThrownBy(() -> Restriction.parse("-inf")).hasMessageStartingWith("-l -inf: a fraction");
        assertThatThrownBy(() -> Restriction.parse("fib("))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "-l fib(: not a row count, a fraction or a valid regular expression (Unclosed group at index 4); "
                                + "escape it with \\Q...\\E for literal text");
    }

    private static List<MethodStats> rows(String... locations) {
        List<MethodStats> rows = new ArrayList<>();
        for (int i = 0; i < locations.length; i++) {
            rows.add(new MethodStats("k" + i, "m" + i + "()", locations[i], locations[i].startsWith("{"), 1, 1, 0, 0));
        }
        return rows;
    }

    private static List<String> locations(List<MethodStats> rows) {
        return rows.stream().map(MethodStats::location).toList();
    }
}
