package dev.perfshell.repl.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the user reads when JMH ends without a result, from the runner's output. */
class JmhFailureTest {
    @Test
    void aBenchmarkThatThrewNamesTheExceptionAndTheSessionsMethodsOnly() {
        List<String> output = List.of(
                "# Run progress: 0.00% complete, ETA 00:00:08",
                "<failure>",
                "",
                "java.lang.IllegalStateException: empty cache",
                "\tat perfshell.jmh.run3.PerfshellSession.lookup(PerfshellSession.java:12)",
                "\tat perfshell.jmh.run3.PerfshellSession.perfshell$init(PerfshellSession.java:20)",
                "\tat perfshell.jmh.run3.PerfshellSession$PerfshellBenchmark.run(PerfshellSession.java:30)",
                "\tat perfshell.jmh.run3.jmh_generated.PerfshellBenchmark_run_jmhTest.run_avgt(X.java:1)",
                "\t... 12 more");
        assertThat(JmhFailure.lines(new JmhProcess.Outcome(1, output, false)))
                .containsExactly(
                        "%jmh: the benchmark threw IllegalStateException: empty cache",
                        "    at lookup",
                        "Next: the session's state is rebuilt in the benchmark's @Setup; --print-source shows the generated class.");
    }

    @Test
    void withoutAFailureTheRunnersLastEightLinesAreShown() {
        List<String> output = new ArrayList<>();
        IntStream.rangeClosed(1, 10).forEach(i -> {
            output.add("line " + i);
            output.add(" ");
        });
        assertThat(JmhFailure.lines(new JmhProcess.Outcome(2, output, false)))
                .containsExactly(
                        "%jmh: JMH ended with exit code 2 and no result:",
                        "    line 3",
                        "    line 4",
                        "    line 5",
                        "    line 6",
                        "    line 7",
                        "    line 8",
                        "    line 9",
                        "    line 10");
    }
}
