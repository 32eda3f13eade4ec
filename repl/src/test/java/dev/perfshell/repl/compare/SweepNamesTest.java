package dev.perfshell.repl.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The results of a parameter sweep share their source (and label): compare names each by its value. */
class SweepNamesTest {

    @Test
    void aSweepValueIsNamedAfterItsParameter() {
        assertThat(new ResultsFile.Entry("timeit", null, "linear(n)", "{\"param.n\":1000,\"setup\":\"x\"}", null)
                        .displayName())
                .isEqualTo("timeit: linear(n) [n=1000]");
        assertThat(new ResultsFile.Entry("timeit", "lin", "linear(n)", "{\"param.n\":1000}", null).displayName())
                .isEqualTo("lin [n=1000]");
        // a long source is cut before the value, never the value
        String longSource = "Arrays.sort(data.clone()) + someOtherCallThatIsLong()";
        assertThat(new ResultsFile.Entry("timeit", null, longSource, "{\"param.size\":64}", null).displayName())
                .endsWith("\u2026 [size=64]")
                .hasSize(40 + " [size=64]".length());
        // not a sweep: as before
        assertThat(new ResultsFile.Entry("timeit", null, "x + 1", "{\"runs\":5}", null).displayName())
                .isEqualTo("timeit: x + 1");
    }
}
