package dev.perfshell.repl.magic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WarmupOptionTest {
    private static WarmupOption of(String value) {
        WarmupOption option = new WarmupOption();
        option.warmup = value;
        return option;
    }

    @Test
    void secondsOrRunsOrTheDefault() {
        assertThat(of("0.5").nanos()).isEqualTo(500_000_000L);
        assertThat(of("0.5").runs()).isZero();
        assertThat(of("10i").runs()).isEqualTo(10);
        assertThat(of("10i").nanos()).isZero();
        assertThat(of(null).nanos()).isZero();
        assertThat(of(null).runs()).isZero();
        assertThat(of(null).problem()).isNull();
        assertThat(of("soon").problem()).isEqualTo("--warmup takes seconds (0.5) or runs (10i), got 'soon'");
    }
}
