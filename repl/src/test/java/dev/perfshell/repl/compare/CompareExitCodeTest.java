package dev.perfshell.repl.compare;

import static dev.perfshell.repl.compare.CompareRun.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code perfshell compare}'s exit codes through {@code Main.execute}: 0 no regression, 1 regression, 2 bad input. */
class CompareExitCodeTest {

    @Test
    void aRegressionBeyondTheThresholdExitsOne() {
        CompareRun run = CompareRun.of(fixture("forked-base.json"), fixture("forked-new.json"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.outLines())
                .last()
                .isEqualTo("1 slower, 0 faster, 1 unchanged \u2014 regression beyond 10%: exit 1");
    }

    @Test
    void aChangeSeenOnOneEngineASideIsInconclusiveAndExitsZero() {
        // The 2x Arrays.sort change rests on one engine a side: its runs cannot see engine-to-engine differences.
        CompareRun run = CompareRun.of(fixture("base.json"), fixture("new.json"));
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out())
                .contains("inconclusive (one engine a side)")
                .contains("Next: perfshell run --forks 3 for both files.");
        assertThat(run.outLines())
                .last()
                .isEqualTo("0 slower, 0 faster, 1 inconclusive, 8 unchanged \u2014 no regression beyond 10%: exit 0");
    }

    @Test
    void aThresholdAboveTheRegressionExitsZero() {
        CompareRun run = CompareRun.of(fixture("base.json"), fixture("new.json"), "--threshold", "150%");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines())
                .last()
                .isEqualTo("0 slower, 0 faster, 9 unchanged \u2014 no regression beyond 150%: exit 0");
    }

    @Test
    void aFileComparedWithItselfExitsZero() {
        CompareRun run = CompareRun.of(fixture("base.json"), fixture("base.json"));
        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out())
                .contains("Geometric mean (time): 1.00x (9 results)\nGeometric mean (bytes): 1.00x (2 results)")
                .doesNotContain("Environment");
    }

    @Test
    void aSpeedUpFailsOnlyWithAnyChange() {
        // Reversed, the 2x regression is a 2x speed-up.
        CompareRun regression = CompareRun.of(fixture("forked-new.json"), fixture("forked-base.json"));
        assertThat(regression.exitCode()).as(regression.out()).isZero();
        assertThat(regression.out()).contains("2.00x faster");
        CompareRun anyChange =
                CompareRun.of(fixture("forked-new.json"), fixture("forked-base.json"), "--fail-on", "any-change");
        assertThat(anyChange.exitCode()).isEqualTo(1);
        assertThat(anyChange.outLines())
                .last()
                .isEqualTo("0 slower, 1 faster, 1 unchanged \u2014 change beyond 10%: exit 1");
    }

    @Test
    void markdownHasTheSameVerdicts() {
        CompareRun run = CompareRun.of(fixture("forked-base.json"), fixture("forked-new.json"), "--markdown");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out())
                .contains("| Result | Base | New |")
                .contains("| **slower** |")
                .contains("**1 slower, 0 faster, 1 unchanged \u2014 regression beyond 10%: exit 1**");
    }

    @Test
    void helpNamesTheOptions() {
        CompareRun run = CompareRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Usage: perfshell compare")
                .contains("--threshold=PCT")
                .contains("--markdown")
                .contains("--fail-on=regression|any-change");
        assertThat(run.out().replaceAll("\\s+", " ")).contains("(default: 10.0)");
    }
}
