package dev.perfshell.repl.magic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OptionRulesTest {
    @Test
    void aCountMustBeAtLeastOne() {
        assertThat(OptionRules.atLeastOne("-r", 1)).isNull();
        assertThat(OptionRules.atLeastOne("-r", 0))
                .isEqualTo("-r must be at least 1, got 0. Next: leave -r out for the default");
        assertThat(OptionRules.atLeastOne("-n", -3, "leave -n out for time-boxed runs"))
                .isEqualTo("-n must be at least 1, got -3. Next: leave -n out for time-boxed runs");
        assertThat(OptionRules.notNegative("-f", 0)).isNull();
        assertThat(OptionRules.notNegative("-f", -1))
                .isEqualTo("-f must be 0 or more, got -1. Next: leave -f out for the default");
    }

    @Test
    void aDurationMustBeMoreThanZeroAndIsWrittenAsTyped() {
        assertThat(OptionRules.positiveSeconds("--budget", 0.5)).isNull();
        assertThat(OptionRules.positiveSeconds("--budget", 0.0))
                .isEqualTo("--budget must be more than 0 seconds, got 0. Next: leave --budget out for the default");
        assertThat(OptionRules.positiveSeconds("--budget", -1.5)).contains("got -1.5.");
        assertThat(OptionRules.positiveQuantity("-w", "0s", 0))
                .isEqualTo("-w must be more than 0, got '0s'. Next: leave -w out for the default");
        assertThat(OptionRules.positiveQuantity("-w", "2s", 2)).isNull();
    }

    @Test
    void warmupIsSecondsOrRunsAndMoreThanNone() {
        assertThat(OptionRules.warmup(null)).isNull();
        assertThat(OptionRules.warmup("0.5")).isNull();
        assertThat(OptionRules.warmup("10i")).isNull();
        assertThat(OptionRules.warmup("0")).startsWith("--warmup must be more than 0, got '0'.");
        assertThat(OptionRules.warmup("0i")).startsWith("--warmup must be more than 0, got '0i'.");
        assertThat(OptionRules.warmup("soon")).isEqualTo("--warmup takes seconds (0.5) or runs (10i), got 'soon'");
    }

    @Test
    void theFirstProblemIsSaid() {
        assertThat(OptionRules.first(null, "b", "c")).isEqualTo("b");
        assertThat(OptionRules.first(null, null)).isNull();
    }
}
