package dev.perfshell.repl.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JmhResultTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void averageTimeKeepsEachIterationsScore() throws Exception {
        JmhResult result = JmhResult.of(JSON.readTree("""
                {"benchmark": "b", "mode": "avgt", "primaryMetric": {"score": 2.0, "scoreUnit": "ns/op",
                 "rawData": [[1.0, 2.0], [3.0]], "scoreConfidence": [1.0, 3.0]}}"""));
        assertThat(result.primary().perFork()).hasSize(2);
        assertThat(result.primary().all()).containsExactly(1.0, 2.0, 3.0);
        assertThat(result.primary().count()).isEqualTo(3);
    }

    /**
     * Sample mode: each iteration is a histogram. Fork 1: [10 ns x1, 20 ns x3] has mean (10 + 60) / 4 = 17.5,
     * [30 ns x2] has 30; fork 2: [8 ns x1] has 8. Seven samples in all.
     */
    @Test
    void sampleModeScoresEachIterationByItsHistogramsMean() throws Exception {
        JmhResult result = JmhResult.of(JSON.readTree("""
                {"benchmark": "b", "mode": "sample", "primaryMetric": {"score": 19.0, "scoreUnit": "ns/op",
                 "rawDataHistogram": [[[[10.0, 1], [20.0, 3]], [[30.0, 2]]], [[[8.0, 1]]]],
                 "scoreConfidence": [5.0, 30.0]}}"""));
        assertThat(result.primary().perFork()).hasSize(2);
        assertThat(result.primary().perFork().get(0)).containsExactly(17.5, 30.0);
        assertThat(result.primary().perFork().get(1)).containsExactly(8.0);
        assertThat(result.primary().count()).isEqualTo(7);
    }

    /** JMH writes its file only once a benchmark ran: no file, or an empty one, is no result. */
    @Test
    void noFileOrAnEmptyOneIsNoResult(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("result.json");
        assertThat(JmhResult.readIfWritten(file)).isEmpty();
        java.nio.file.Files.writeString(file, "");
        assertThat(JmhResult.readIfWritten(file)).isEmpty();
        java.nio.file.Files.writeString(file, """
                [{"benchmark": "b", "mode": "avgt", "threads": 1, "primaryMetric": {"score": 2.0, "scoreUnit": "ns/op",
                 "rawData": [[2.0]], "scoreConfidence": [2.0, 2.0]}}]""");
        assertThat(JmhResult.readIfWritten(file)).hasSize(1);
    }
}
