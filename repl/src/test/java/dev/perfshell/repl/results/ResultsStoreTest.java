package dev.perfshell.repl.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.timeit.TimeDetails;
import dev.perfshell.timing.runtime.OnceTiming;
import org.junit.jupiter.api.Test;

class ResultsStoreTest {
    private static ResultRecord time(String source) {
        return TimeDetails.record(source, new OnceTiming(1_000, 900, 0, 1_000, 0, 0, 0), new ResultOrigin(null, 1));
    }

    @Test
    void keepsOrderNumbersFromOneAndClears() {
        ResultsStore store = new ResultsStore();
        store.add(time("a"));
        store.add(time("b"));
        assertThat(store.all()).extracting(ResultRecord::source).containsExactly("a", "b");
        assertThat(store.get(1).orElseThrow().source()).isEqualTo("a");
        assertThat(store.get(0)).isEmpty();
        assertThat(store.get(3)).isEmpty();
        assertThat(store.clear()).isEqualTo(2);
        assertThat(store.size()).isZero();
    }

    @Test
    void timeRecordHasOneSampleAndNoInterval() {
        ResultRecord record = time("x");
        assertThat(record.metric().samples()).containsExactly(1_000.0);
        assertThat(record.metric().center()).isEqualTo(1_000.0);
        assertThat(record.metric().ciLow()).isNaN();
        assertThat(record.label()).isNull();
        assertThat(record.origin().describe()).isEqualTo("input 1");
        assertThat(new ResultOrigin("bench.jsh", 12).describe()).isEqualTo("bench.jsh:12");
    }
}
