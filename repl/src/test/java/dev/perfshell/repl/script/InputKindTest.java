package dev.perfshell.repl.script;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputKindTest {

    @ParameterizedTest(name = "[{0}] is {1}")
    @CsvSource(
            delimiter = '|',
            emptyValue = "",
            quoteCharacter = '`',
            value = {
                "``                   | BLANK",
                "`   `                | BLANK",
                "%time fib(20)        | LINE_MAGIC",
                "`  %time x`          | LINE_MAGIC",
                "%                    | LINE_MAGIC",
                "%%time               | CELL_MAGIC",
                "`%%time\nint a = 1;` | CELL_MAGIC",
                "/vars                | COMMAND",
                "`  /list`            | COMMAND",
                "/?                   | COMMAND",
                "/!                   | COMMAND",
                "/* comment */ 1      | JAVA",
                "/* comment */        | JAVA",
                "//x                  | JAVA",
                "/                    | JAVA",
                "/ 2                  | JAVA",
                "1 + 1                | JAVA",
                "int x = 5 % 2;       | JAVA",
                "`\"%s\".formatted(1)`| JAVA",
            })
    void classifies(String input, InputKind expected) {
        assertThat(InputKind.of(input)).isEqualTo(expected);
    }
}
