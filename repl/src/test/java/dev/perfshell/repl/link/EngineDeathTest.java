package dev.perfshell.repl.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineDeathTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "3   | exited with code 3",
                "0   | exited with code 0",
                "1   | exited with code 1",
                "137 | was killed by signal 9 (SIGKILL)",
                "143 | was killed by signal 15 (SIGTERM)",
                "134 | was killed by signal 6 (SIGABRT, a JVM crash)",
                "139 | was killed by signal 11 (SIGSEGV, a JVM crash)",
                "129 | was killed by signal 1",
                "128 | exited with code 128",
                "160 | exited with code 160",
                "99  | halted (its shell went away)",
                "-1  | died",
            })
    void describes(int code, String expected) {
        assertThat(new EngineDeath(code).describe()).isEqualTo(expected);
    }
}
