package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Golden tables for IPython's time format and the binary byte format. */
class UnitsTest {

    private record Row(String input, String expected) {}

    private static List<Row> golden(String name) throws IOException {
        try (InputStream stream = UnitsTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(stream).as("golden file %s", name).isNotNull();
            List<Row> rows = new ArrayList<>();
            for (String line : new String(stream.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] cells = line.split("\t", 2);
                rows.add(new Row(cells[0], cells[1]));
            }
            return rows;
        }
    }

    @Test
    void timeMatchesGoldenTable() throws IOException {
        List<Row> rows = golden("units-time.tsv");
        assertThat(rows).hasSizeGreaterThan(20);
        List<String> actual = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Row row : rows) {
            actual.add(row.input() + " -> " + Units.time(Double.parseDouble(row.input())));
            expected.add(row.input() + " -> " + row.expected());
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void bytesMatchesGoldenTable() throws IOException {
        List<Row> rows = golden("units-bytes.tsv");
        List<String> actual = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (Row row : rows) {
            actual.add(row.input() + " -> " + Units.bytes(Double.parseDouble(row.input())));
            expected.add(row.input() + " -> " + row.expected());
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void microSignIsTheMicroCharacter() {
        assertThat(Units.time(1500)).isEqualTo("1.5 \u00b5s");
    }

    @Test
    void defaultPrecisionIsThree() {
        assertThat(Units.time(123_456)).isEqualTo(Units.time(123_456, 3)).isEqualTo("123 µs");
    }

    @ParameterizedTest(name = "time({0}, {1}) = {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "1234      | 2 | 1.2 µs",
                "1234.5678 | 5 | 1.2346 µs",
                "1234.5678 | 1 | 1 µs",
                "2.5       | 1 | 2 ns", // Python's %g rounds half to even
                "3.5       | 1 | 4 ns",
                "5770000   | 4 | 5.77 ms", // trailing zeros are dropped, as %g does
                "0         | 5 | 0 ns",
            })
    void precisionIsSignificantDigits(double nanos, int precision, String expected) {
        assertThat(Units.time(nanos, precision)).isEqualTo(expected);
    }

    @Test
    void neverUsesExponentNotationInTheUsualRange() {
        for (double nanos = 0.01; nanos < 59e9; nanos *= 1.37) {
            assertThat(Units.time(nanos))
                    .as("time(%s)", nanos)
                    .doesNotContain("E")
                    .doesNotContain("e+");
        }
    }

    @Test
    void numberPartStaysBelowAThousandExceptAtRoundingEdges() {
        // Below 60 s the unit is chosen so that the number part is in [1, 1000) (ns may go below 1).
        for (double nanos = 1; nanos < 59e9; nanos *= 1.1) {
            String text = Units.time(nanos);
            double number = Double.parseDouble(text.substring(0, text.indexOf(' ')));
            assertThat(number).as(text).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(1000);
        }
    }

    @Test
    void compoundFormStartsAtSixtySeconds() {
        assertThat(Units.time(59.94e9)).isEqualTo("59.9 s");
        assertThat(Units.time(60e9)).isEqualTo("1min");
        assertThat(Units.time(61e9)).isEqualTo("1min 1s");
    }

    @Test
    void ratiosHaveTwoDecimalsThenThreeSignificantDigitsGrouped() {
        assertThat(Units.ratio(1.8349)).isEqualTo("1.83");
        assertThat(Units.ratio(0.1234)).isEqualTo("0.12");
        assertThat(Units.ratio(40)).isEqualTo("40.00");
        assertThat(Units.ratio(5.125)).isEqualTo("5.12");
        assertThat(Units.ratio(99.994)).isEqualTo("99.99");
        assertThat(Units.ratio(118.8)).isEqualTo("119");
        assertThat(Units.ratio(1234.5)).isEqualTo("1,230");
        // A folded snippet's control read 8484802.44× its time.
        assertThat(Units.ratio(8484802.44)).isEqualTo("8,480,000");
        assertThat(Units.ratio(3.2e15)).isEqualTo("3,200,000,000,000,000");
        assertThat(Units.ratio(Double.POSITIVE_INFINITY)).isEqualTo("\u221e");
    }
}
