package dev.perfshell.timing.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PerfTest {

    @Test
    void sameSeedGivesSameData() {
        assertThat(Perf.ints(1000, 42)).isEqualTo(Perf.ints(1000, 42));
        assertThat(Perf.ints(1000, 100, 42)).isEqualTo(Perf.ints(1000, 100, 42));
        assertThat(Perf.longs(1000, 7)).isEqualTo(Perf.longs(1000, 7));
        assertThat(Perf.doubles(1000, 7)).isEqualTo(Perf.doubles(1000, 7));
        assertThat(Perf.strings(100, 12, 7)).isEqualTo(Perf.strings(100, 12, 7));
    }

    @Test
    void differentSeedsGiveDifferentData() {
        assertThat(Perf.ints(100, 1)).isNotEqualTo(Perf.ints(100, 2));
        assertThat(Perf.longs(100, 1)).isNotEqualTo(Perf.longs(100, 2));
        assertThat(Perf.doubles(100, 1)).isNotEqualTo(Perf.doubles(100, 2));
        assertThat(Perf.strings(10, 8, 1)).isNotEqualTo(Perf.strings(10, 8, 2));
    }

    /** Pinned values: a script typed today must see the same inputs in a later JDK or release. */
    @Test
    void dataIsStableAcrossReleases() {
        assertThat(Perf.ints(5, 42)).containsExactly(PINNED_INTS);
        assertThat(Perf.ints(8, 10, 42)).containsExactly(PINNED_BOUNDED);
        assertThat(Perf.strings(3, 6, 42)).containsExactly(PINNED_STRINGS);
    }

    private static final int[] PINNED_INTS = {-491277234, 909395113, -1877322334, -1024560952, -1540993733};
    private static final int[] PINNED_BOUNDED = {1, 6, 1, 2, 1, 1, 6, 9};
    private static final String[] PINNED_STRINGS = {"vojsbt", "mpqelb", "vsgbkn"};

    @Test
    void prefixOfALongerRunIsTheShorterRun() {
        assertThat(Arrays.copyOf(Perf.ints(1000, 9), 10)).isEqualTo(Perf.ints(10, 9));
    }

    @Test
    void boundsAndShapesHold() {
        assertThat(Perf.ints(10_000, 17, 3)).hasSize(10_000);
        assertThat(Arrays.stream(Perf.ints(10_000, 17, 3)).allMatch(v -> v >= 0 && v < 17))
                .isTrue();
        assertThat(Arrays.stream(Perf.ints(10_000, 17, 3)).distinct().count()).isEqualTo(17);
        assertThat(Arrays.stream(Perf.doubles(10_000, 3)).allMatch(v -> v >= 0 && v < 1))
                .isTrue();
        assertThat(Perf.strings(500, 9, 3)).hasSize(500).allMatch(s -> s.matches("[a-z]{9}"));
        assertThat(Perf.ints(0, 1)).isEmpty();
        assertThat(Perf.strings(2, 0, 1)).containsExactly("", "");
    }

    @Test
    void fasterNamesTheFasterFirstWhicheverSideItIs() {
        TimeitResult fast = new TimeitResult(new double[] {3.2, 3.1, 3.3}, 1000);
        TimeitResult slow = new TimeitResult(new double[] {489, 500, 480}, 10);
        assertThat(Perf.faster("HashSet", fast, "ArrayList", slow))
                .isEqualTo("HashSet is 153x faster than ArrayList (" + Perf.time(3.2) + " vs 489 ns)");
        assertThat(Perf.faster("ArrayList", slow, "HashSet", fast))
                .isEqualTo("HashSet is 153x faster than ArrayList (" + Perf.time(3.2) + " vs 489 ns)");
        TimeitResult close = new TimeitResult(new double[] {4.0, 4.1, 3.9}, 1000);
        assertThat(Perf.faster("A", close, "B", fast))
                .isEqualTo("B is 1.3x faster than A (" + Perf.time(3.2) + " vs " + Perf.time(4.0) + ")");
        assertThat(Perf.time(1234.5)).isEqualTo("1.23 \u00b5s");
        assertThat(Perf.time(3.2)).isEqualTo("3.2 ns");
    }
}
