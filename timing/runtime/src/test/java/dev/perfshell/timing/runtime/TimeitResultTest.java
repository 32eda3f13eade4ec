package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TimeitResultTest {

    @Test
    void statisticsAreIPythons() {
        TimeitResult r = new TimeitResult(new double[] {1, 2, 3, 4, 100}, 1000);
        assertThat(r.mean()).isEqualTo(22.0);
        assertThat(r.stdev()).isCloseTo(Math.sqrt(1522), within(1e-12)); // population: 7610 / 5
        assertThat(r.median()).isEqualTo(3.0);
        assertThat(r.best()).isEqualTo(1.0);
        assertThat(r.worst()).isEqualTo(100.0);
        assertThat(r.loops()).isEqualTo(1000);
        assertThat(r.repeat()).isEqualTo(5);
        assertThat(r.precision()).isEqualTo(3);
        assertThat(new TimeitResult(new double[] {4, 1, 3, 2}, 1).median()).isEqualTo(2.5);
        assertThat(new TimeitResult(new double[] {4, 1, 3, 2}, 1).stdev()).isCloseTo(Math.sqrt(1.25), within(1e-15));
    }

    @Test
    void oneRunAndEqualRunsHaveNoSpread() {
        assertThat(new TimeitResult(new double[] {50.2e6}, 1).stdev()).isZero();
        assertThat(new TimeitResult(new double[] {3, 3, 3}, 1).stdev()).isZero();
    }

    @Test
    void runsIsADefensiveCopy() {
        double[] runs = {1, 2};
        TimeitResult r = new TimeitResult(runs, 10);
        runs[0] = 9;
        r.runs()[1] = 9;
        assertThat(r.runs()).containsExactly(1, 2);
    }

    @Test
    void toStringIsIPythonsLine() {
        // Python: statistics.pstdev([5.70, 5.75, 5.77, 5.78, 5.80, 5.82, 5.77]) -> 0.0355 with %.3g
        assertThat(new TimeitResult(new double[] {5.70, 5.75, 5.77, 5.78, 5.80, 5.82, 5.77}, 10_000_000).toString())
                .isEqualTo(
                        "5.77 ns \u00b1 0.0355 ns per loop (mean \u00b1 std. dev. of 7 runs, 10,000,000 loops each)");
        assertThat(new TimeitResult(new double[] {50.2e6}, 1).toString())
                .isEqualTo("50.2 ms \u00b1 0 ns per loop (mean \u00b1 std. dev. of 1 run, 1 loop each)");
        // mean and std-dev are scaled independently
        assertThat(new TimeitResult(new double[] {6.26e6, 6.46e6}, 100).toString())
                .isEqualTo("6.36 ms \u00b1 100 \u00b5s per loop (mean \u00b1 std. dev. of 2 runs, 100 loops each)");
        assertThat(new TimeitResult(new double[] {406.04 - 0.12013, 406.04 + 0.12013}, 1000, 6).toString())
                .isEqualTo("406.04 ns \u00b1 0.12013 ns per loop (mean \u00b1 std. dev. of 2 runs, 1,000 loops each)");
        assertThat(new TimeitResult(new double[] {65e9, 65e9}, 1).toString())
                .startsWith("1min 5s \u00b1 0 ns per loop");
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new TimeitResult(new double[0], 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeitResult(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeitResult(new double[] {1}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TimeitResult(new double[] {1}, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
