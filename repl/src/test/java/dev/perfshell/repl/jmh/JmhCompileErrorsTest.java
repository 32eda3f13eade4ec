package dev.perfshell.repl.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** javac's first error on the generated benchmark, placed in the user's snippet or in the replayed session. */
class JmhCompileErrorsTest {
    private static final String SOURCE = "class PerfshellSession {\n    static int n = undefined;\n    Object run() {\n"
            + "        return Math.lg(n);\n    }\n}\n";
    private static final int CODE_OFFSET = SOURCE.indexOf("Math.lg(n)");
    private static final JmhSource BENCHMARK =
            new JmhSource("perfshell.jmh.run1", SOURCE, CODE_OFFSET, "Math.lg(n)", true, false);

    @Test
    void anErrorInTheSnippetIsShownUnderWhatTheUserTyped() {
        int lg = CODE_OFFSET + "Math.".length();
        List<String> lines = JmhCompileErrors.lines(
                BENCHMARK,
                List.of(new JmhCompiler.Error(CODE_OFFSET, lg, lg + 2, "cannot find symbol\n  symbol: method lg(int)")),
                List.of(),
                false);
        assertThat(lines.get(0)).isEqualTo("%jmh: the snippet does not compile: cannot find symbol");
        assertThat(lines.subList(1, lines.size())).isNotEmpty().anyMatch(line -> line.contains("^"));
    }

    @Test
    void anErrorInTheReplayNamesItsLineAndTheReplaysHint() {
        int undefined = SOURCE.indexOf("undefined");
        List<String> lines = JmhCompileErrors.lines(
                BENCHMARK,
                List.of(new JmhCompiler.Error(undefined, undefined, undefined + 9, "cannot find symbol")),
                List.of(),
                false);
        assertThat(lines)
                .containsExactly("%jmh: the replayed session does not compile: cannot find symbol "
                        + "(in: static int n = undefined;). "
                        + ReplayHint.of(List.of("cannot find symbol"), List.of(), false));
    }

    @Test
    void anErrorNowhereHasNoLine() {
        assertThat(JmhCompileErrors.lines(
                        BENCHMARK, List.of(new JmhCompiler.Error(-1, -1, -1, "javac failed")), List.of(), true))
                .containsExactly("%jmh: the replayed session does not compile: javac failed. "
                        + "Next: %jmh --print-source shows the generated class.");
    }
}
