package dev.perfshell.repl.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayHintTest {
    private static final String MISSING_CACHE =
            "cannot find symbol\n  symbol:   variable cache\n  location: class PerfshellSession";
    private static final List<SessionPart> DROPPED = List.of(
            SessionPart.variable("#1", "cache", "java.util.Map<Integer, Double>", "new java.util.HashMap<>()"),
            SessionPart.variable("#2", "other", "int", "3"));

    @Test
    void underNoSessionTheVariableAMethodNeedsIsNamedWithItsSetup() {
        // It used to say "--no-session replays declarations only" to a user who had given --no-session.
        assertThat(ReplayHint.of(List.of(MISSING_CACHE), DROPPED, true))
                .isEqualTo(
                        "The session's methods read the session variable "
                                + "'cache', which --no-session leaves out. Next: declare it in the setup, e.g. --setup "
                                + "\"java.util.Map<Integer, Double> cache = new java.util.HashMap<>();\", or drop --no-session.")
                .doesNotContain("replays declarations only");
    }

    @Test
    void severalVariablesAreNamedOnce() {
        String other = MISSING_CACHE.replace("cache", "other");
        assertThat(ReplayHint.of(List.of(MISSING_CACHE, other, MISSING_CACHE), DROPPED, true))
                .startsWith(
                        "The session's methods read the session variables 'cache', 'other', which --no-session leaves out. Next: declare them");
    }

    @Test
    void otherErrorsUnderNoSessionDoNotSuggestTheFlagInUse() {
        assertThat(ReplayHint.of(List.of("cannot find symbol\n  symbol:   variable nowhere"), DROPPED, true))
                .isEqualTo("Next: %jmh --print-source shows the generated class.");
    }

    @Test
    void withoutNoSessionTheFlagIsTheAdvice() {
        assertThat(ReplayHint.of(List.of(MISSING_CACHE), List.of(), false))
                .contains("--no-session replays declarations only");
    }
}
