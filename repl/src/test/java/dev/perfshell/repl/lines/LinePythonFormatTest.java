package dev.perfshell.repl.lines;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinePythonFormatTest {

    /** Expected values are Python 3's {@code '%g' % value}. */
    @ParameterizedTest
    @CsvSource({
        "0.037160745, 0.0371607",
        "0.009876543, 0.00987654",
        "5e-06, 5e-06",
        "1e-09, 1e-09",
        "0.001, 0.001",
        "0.0001, 0.0001",
        "0.00001234567, 1.23457e-05",
        "100000, 100000",
        "999999.5, 1e+06",
        "1000000, 1e+06",
        "123456789, 1.23457e+08",
        "98765.432109876, 98765.4",
        "1.5, 1.5",
        "0, 0",
        "-2.5e-07, -2.5e-07",
        "2.5, 2.5"
    })
    void percentG(double value, String printed) {
        assertThat(PythonFormat.g(value)).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource({"125, 100, 1.2", "135, 100, 1.4", "1, 3, 0.3", "0, 7, 0.0", "2, 3, 0.7"})
    void oneDecimalRoundsTheExactQuotientHalfEven(long dividend, long divisor, String printed) {
        assertThat(PythonFormat.oneDecimal(BigDecimal.valueOf(dividend), BigDecimal.valueOf(divisor)))
                .isEqualTo(printed);
    }
}
