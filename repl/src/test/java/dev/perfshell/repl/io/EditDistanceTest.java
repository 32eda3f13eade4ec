package dev.perfshell.repl.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditDistanceTest {

    @ParameterizedTest(name = "{0} -> {1} = {2}")
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            value = {
                "time    | time     | 0",
                "timit   | time     | 2",
                "tme     | time     | 1",
                "timw    | time     | 1",
                "timee   | time     | 1",
                "timeit  | time     | 2",
                "''      | time     | 4",
                "time    | ''       | 4",
                "''      | ''       | 0",
                "kitten  | sitting  | 3",
                "flaw    | lawn     | 2",
                "ab      | ba       | 2",
                "history | hsitory  | 2",
            })
    void levenshtein(String a, String b, int expected) {
        assertThat(EditDistance.of(a, b)).isEqualTo(expected);
        assertThat(EditDistance.of(b, a)).as("symmetric").isEqualTo(expected);
    }
}
