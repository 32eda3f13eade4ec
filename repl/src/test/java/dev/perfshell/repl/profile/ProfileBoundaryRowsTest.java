package dev.perfshell.repl.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Boundary rows are counted, not timed, unless --time-boundary timed them: no made-up zeros in the table. */
class ProfileBoundaryRowsTest {

    private static Profile profile(long getSelf, long getCumulative) {
        return new Profile(
                "run()",
                2_000_000,
                60,
                1,
                true,
                List.of(
                        new Profile.MethodStats("M run", "run()", "#1:1(run)", false, 1, 1, 1_500_000, 2_000_000),
                        new Profile.MethodStats(
                                "B get",
                                "java.util.Map.get(Object)",
                                "{java.util.Map.get}",
                                true,
                                1000,
                                1000,
                                getSelf,
                                getCumulative)),
                List.of(new Profile.CallEdge("M run", "B get", 1000, 1000, getSelf, getCumulative)),
                false);
    }

    @Test
    void countedBoundaryRowsShowNoTimes() {
        List<String> lines = ProfileRenderer.render(profile(0, 0));
        assertThat(lines).anyMatch(line -> line.matches("\\s+1000\\s+-\\s+-\\s+-\\s+- \\{java\\.util\\.Map\\.get\\}"));
    }

    @Test
    void timedBoundaryRowsShowTheirTimes() {
        List<String> lines = ProfileRenderer.render(profile(500_000, 500_000));
        assertThat(lines)
                .anyMatch(line -> line.matches(
                        "\\s+1000\\s+500\\.000\\s+0\\.500\\s+500\\.000\\s+0\\.500 \\{java\\.util\\.Map\\.get\\}"));
    }
}
