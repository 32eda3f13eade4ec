package dev.perfshell.profiling.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Samples per line, worked out by hand on small folded fixtures with line numbers. */
class LineSamplesTest {
    private static final String ROOT = "java/lang/Thread.run()V:829;REPL/$JShell$20.do_it$()Ljava/lang/String|:3;";

    @Test
    void aSampleCountsForTheInnermostChosenFramesLineCalleesIncluded() {
        LineSamples samples = new LineSamples(List.of(new LineSamples.Method("REPL/$JShell$12", "work", "(I)J")));
        String folded = ROOT + "REPL/$JShell$12.work(I)J:5 10\n"
                + ROOT + "REPL/$JShell$12.work(I)J:6 30\n"
                + ROOT
                + "REPL/$JShell$12.work(I)J:7;java/util/HashMap.get(Ljava/lang/Object|)Ljava/lang/Object|:556 4\n"
                + ROOT + "REPL/$JShell$12.work(I)J:7;dev/perfshell/profiling/probe/Probes.line(II)V:60 9\n"
                + "java/lang/Thread.run()V:829;dev/perfshell/engine/EngineCommands.take()V:12 3\n";
        LineSamples.Result r = samples.attribute(folded);
        assertThat(r.perMethod().get(0)).isEqualTo(Map.of(5, 10L, 6, 30L, 7, 4L));
        assertThat(r.statementSamples()).isEqualTo(44);
        assertThat(r.probeSamples()).isEqualTo(9);
    }

    @Test
    void recursionGoesToTheInnermostFrame() {
        LineSamples samples = new LineSamples(List.of(new LineSamples.Method("REPL/$JShell$12", "fib", "(I)I")));
        String folded = ROOT + "REPL/$JShell$12.fib(I)I:1;REPL/$JShell$12.fib(I)I:2 6\n";
        assertThat(samples.attribute(folded).perMethod().get(0)).isEqualTo(Map.of(2, 6L));
    }
}
