package dev.perfshell.repl.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A verdict that decides on runs whose own run warned says so: the comparison used to show nothing of the
 * warnings a file carries (an A/A pair read "22.81x faster" on one side's page-faulting engines).
 */
class CompareWarningsTest {
    private static final String HEAP =
            "The heap was still growing: every run wrote to never-touched memory (42.1 MiB in all, page faults)";

    /** Exact values (neither side varies): 100 against 200 ns is decided, slower, on any evidence. */
    private static String doc(String label, double value, String... warnings) {
        String samples = "[" + value + ", " + value + ", " + value + "]";
        String record = TestDocuments.record(label, "timeit", "f()", samples, Double.toString(value));
        StringBuilder list = new StringBuilder();
        for (String w : warnings)
            list.append(list.length() == 0 ? "" : ", ").append('"').append(w).append('"');
        return TestDocuments.results(record.replace("\"warnings\": []", "\"warnings\": [" + list + "]"));
    }

    private static Comparison compare(String base, String candidate) throws CompareException {
        return new Comparer(Comparer.DEFAULT_THRESHOLD_PERCENT, FailOn.REGRESSION)
                .compare(ResultsReader.parse(base, "base.json"), ResultsReader.parse(candidate, "new.json"));
    }

    @Test
    void aDecidedVerdictOnWarnedRunsSaysSoWithTheFirstWarning() throws Exception {
        Comparison comparison = compare(doc("f", 100, HEAP, "The spread is wide"), doc("f", 200));
        assertThat(comparison.pairs().get(0).verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(comparison.notes())
                .containsExactly("f: the verdict rests on runs that warned in base.json (2 warnings; first: \"" + HEAP
                        + "\"). Next: read the warnings in the file, and run again where they point to a cause.");
    }

    @Test
    void bothSidesAreNamed() throws Exception {
        Comparison comparison = compare(doc("f", 100, "a"), doc("f", 200, "b"));
        assertThat(comparison.notes())
                .singleElement()
                .asString()
                .startsWith(
                        "f: the verdict rests on runs that warned in base.json and new.json (2 warnings; first: \"a\")");
    }

    @Test
    void undecidedOrUnwarnedResultsGetNoNote() throws Exception {
        assertThat(compare(doc("f", 100, HEAP), doc("f", 100)).notes()).noneMatch(n -> n.contains("warned"));
        assertThat(compare(doc("f", 100), doc("f", 200)).notes()).noneMatch(n -> n.contains("warned"));
    }

    @Test
    void warningsThatAreNotStringsAreRefused() {
        String bad = TestDocuments.results(TestDocuments.record("f", "timeit", "f()", "[1.0, 1.0]", "1.0")
                .replace("\"warnings\": []", "\"warnings\": [3]"));
        assertThatThrownBy(() -> ResultsReader.parse(bad, "bad.json"))
                .isInstanceOf(CompareException.class)
                .hasMessageContaining("results[0].warnings[0] must be a string");
    }
}
