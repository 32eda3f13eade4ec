package dev.perfshell.repl.timeit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.timing.Finding;
import dev.perfshell.timing.FindingText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A sweep says each kind of finding once, with the values it was found at. */
class SweepFindingsTest {
    @Test
    void eachKindIsSaidOnceWithItsValuesInTheOrderFirstFound() {
        Finding slow10 = Finding.of(Finding.Kind.SLOWEST_RUN, "ratio", 5.0);
        Finding slow1000 = Finding.of(Finding.Kind.SLOWEST_RUN, "ratio", 9.0);
        Finding folded = Finding.of(Finding.Kind.FOLDED, "controlNanos", 3.0, "ratio", 6.0);
        SweepFindings findings = new SweepFindings();
        findings.add(10, List.of(slow10));
        findings.add(100, List.of(folded));
        findings.add(1000, List.of(slow1000, folded));
        assertThat(findings.warnings("n"))
                .containsExactly(
                        "n=10,1000: " + FindingText.line(slow10), // the first value's wording
                        "n=100,1000: " + FindingText.line(folded));
    }

    @Test
    void noFindingsNoWarnings() {
        SweepFindings findings = new SweepFindings();
        findings.add(10, List.of());
        assertThat(findings.warnings("n")).isEmpty();
    }
}
