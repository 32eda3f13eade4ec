package dev.perfshell.repl.lines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LineTimerUnitTest {

    @ParameterizedTest
    @CsvSource({
        "1e-09, 1e-09",
        "1e-9, 1e-09",
        "1E-9, 1e-09",
        "ns, 1e-09",
        "1e-6, 1e-06",
        "0.000001, 1e-06",
        "us, 1e-06",
        "\u00b5s, 1e-06",
        "\u03bcs, 1e-06",
        "1e-3, 0.001",
        "0.001, 0.001",
        "ms, 0.001",
        "1, 1",
        "1.0, 1",
        "s, 1",
        "0.0001, 0.0001",
        "1e-05, 1e-05",
        "2.5e-7, 2.5e-07",
        "60, 60",
        "1_000, 1000"
    })
    void parsesFloatsAndNamesAndPrintsSecondsAsLineProfiler(String text, String printed) {
        assertThat(TimerUnit.parse(text).header()).isEqualTo("Timer unit: " + printed + " s");
    }

    @Test
    void defaultIsNanoseconds() {
        assertThat(TimerUnit.DEFAULT).isEqualTo(TimerUnit.parse("ns")).isEqualTo(new TimerUnit(1e-9));
        assertThat(TimerUnit.DEFAULT.header()).isEqualTo("Timer unit: 1e-09 s");
    }

    @Test
    void convertsNanosecondsExactlyForTheDecimalTyped() {
        assertThat(TimerUnit.parse("1e-6").fromNanos(571)).isEqualTo(0.571);
        assertThat(TimerUnit.parse("ms").fromNanos(2_500_000)).isEqualTo(2.5);
        assertThat(TimerUnit.DEFAULT.fromNanos(42)).isEqualTo(42.0);
        assertThat(TimerUnit.parse("1e-6").format(15_101_313, 1)).isEqualTo("15101.3");
        assertThat(TimerUnit.parse("1e-6").format(15_101_313, 100_001)).isEqualTo("0.2");
        assertThat(TimerUnit.parse("0.001").format(571, 1)).isEqualTo("0.0");
    }

    @Test
    void roundsHalfEvenAsPython() {
        // 5 ns / 4 hits = 1.25 exactly: Python's '%5.1f' gives 1.2, Java's String.format 1.3
        assertThat(TimerUnit.DEFAULT.format(5, 4)).isEqualTo("1.2");
        assertThat(TimerUnit.DEFAULT.format(7, 4)).isEqualTo("1.8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1e-6", "nan", "inf", "1e", "microseconds", "1 ms", "MS", "0x10", "1d"})
    void refusesOtherValuesNamingThem(String text) {
        assertThatThrownBy(() -> TimerUnit.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-u " + text
                        + ": not a timer unit; give positive seconds (1e-09, 1e-06, 0.001) or ns, us (\u00b5s), ms, s");
    }

    @Test
    void refusesNonPositiveSecondsInTheConstructor() {
        assertThatThrownBy(() -> new TimerUnit(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timer unit must be a positive number of seconds, not 0.0");
    }
}
