package dev.perfshell.repl.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Verdicts, evidence and matching on the fixtures (repl/src/test/resources/compare). */
class CompareVerdictTest {
    private final Comparer comparer = new Comparer(Comparer.DEFAULT_THRESHOLD_PERCENT, FailOn.REGRESSION);

    private static ResultPair row(Comparison comparison, String name) {
        return comparison.pairs().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aTwofoldChangeInOneEngineASideIsInconclusiveNotARegression() throws Exception {
        // Runs within one engine share its JIT outcome: they cannot tell a slower build from a slower engine.
        Comparison comparison = comparer.compare(CompareRun.read("base.json"), CompareRun.read("new.json"));
        assertThat(comparison.pairs())
                .filteredOn(p -> p.verdict() == Verdict.INCONCLUSIVE)
                .extracting(ResultPair::name)
                .containsExactly("timeit: Arrays.sort(copy)");
        ResultPair sort = row(comparison, "timeit: Arrays.sort(copy)");
        assertThat(sort.ratio()).isCloseTo(2.0, within(1e-9)); // every new run is exactly twice a base run
        assertThat(sort.changePercent()).isCloseTo(100.0, within(1e-9));
        assertThat(sort.ciLowPercent()).isGreaterThan(90).isLessThan(100);
        assertThat(sort.pT()).isLessThan(0.001);
        assertThat(comparison.count(Verdict.SLOWER)).isZero();
        assertThat(comparison.exitCode()).isZero();
        assertThat(CompareFormat.summary(comparison)).startsWith("0 slower, 0 faster, 1 inconclusive, ");
    }

    @Test
    void unchangedResultsAreNotSignificant() throws Exception {
        Comparison comparison = comparer.compare(CompareRun.read("base.json"), CompareRun.read("new.json"));
        assertThat(row(comparison, "sqrt").verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(row(comparison, "timeit: String.format(\"%.3f\", x)").verdict())
                .isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        // The same source twice: the first meets the first, the second the second.
        assertThat(row(comparison, "timeit: x + 1").verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(row(comparison, "timeit: x + 1 (2)").verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        // Identical exact byte counts: no spread, no change.
        ResultPair memit = row(comparison, "memit: new int[1_000_000]");
        assertThat(memit.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);
        assertThat(memit.pT()).isEqualTo(1.0);
    }

    @Test
    void aSignificantChangeBelowTheThresholdIsNoise() throws Exception {
        ResultPair append = row(
                comparer.compare(CompareRun.read("base.json"), CompareRun.read("new.json")), "timeit: sb.append(i)");
        assertThat(append.pT()).isLessThan(0.001);
        assertThat(append.changePercent()).isBetween(1.0, 5.0);
        assertThat(append.verdict()).isEqualTo(Verdict.WITHIN_NOISE);
        // With a lower threshold the same data is beyond it, and one engine a side cannot call it a regression.
        ResultPair strict = row(
                new Comparer(1, FailOn.REGRESSION).compare(CompareRun.read("base.json"), CompareRun.read("new.json")),
                "timeit: sb.append(i)");
        assertThat(strict.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    }

    @Test
    void singleSampleResultsAreJudgedByTheThresholdAloneAndSaySo() throws Exception {
        Comparison comparison = comparer.compare(CompareRun.read("base.json"), CompareRun.read("new.json"));
        ResultPair time = row(comparison, "time: fib(30)");
        assertThat(time.tested()).isFalse();
        assertThat(time.ciLowPercent()).isNaN();
        assertThat(time.verdict()).isEqualTo(Verdict.WITHIN_NOISE); // +1.0% < 5%
        assertThat(comparison.notes())
                .contains(
                        "time: fib(30): 1 sample in base.json, 1 sample in new.json: no test possible; judged by the threshold alone.");
        ResultPair alone = row(
                new Comparer(0.5, FailOn.REGRESSION).compare(CompareRun.read("base.json"), CompareRun.read("new.json")),
                "time: fib(30)");
        assertThat(alone.verdict()).isEqualTo(Verdict.SLOWER);
    }

    @Test
    void singleEngineEvidenceIsCalledInconclusive() throws Exception {
        Comparison comparison = comparer.compare(CompareRun.read("base.json"), CompareRun.read("new.json"));
        // 6: the exact byte counts (memit) are the same in every engine; fib(30) and map have one sample.
        assertThat(comparison.notes().get(0))
                .startsWith("6 of 9 results were tested on the runs of one engine JVM per side: "
                        + "two engines differ by more than runs within one, so a change there is called inconclusive");
        assertThat(row(comparison, "sqrt").evidence().describe()).isEqualTo("7+7 runs");
    }

    @Test
    void unmatchedAndIncomparableResultsAreListedNotDropped() throws Exception {
        Comparison comparison = comparer.compare(CompareRun.read("base.json"), CompareRun.read("new.json"));
        assertThat(comparison.onlyInBase()).containsExactly("timeit: legacy.parse(line)");
        assertThat(comparison.onlyInNew()).containsExactly("timeit: fast.parse(line)");
        assertThat(comparison.notComparable())
                .containsExactly(
                        "prun: fib(20): total (ns, lower is better) in base.json, allocated (bytes, lower is better) in new.json");
        assertThat(comparison.pairs()).hasSize(9);
    }

    @Test
    void forkedFilesAreJudgedOnTheEnginesCenters() throws Exception {
        ResultsFile base = CompareRun.read("forked-base.json");
        ResultsFile candidate = CompareRun.read("forked-new.json");
        Comparison comparison = comparer.compare(base, candidate);

        ResultPair stream = row(comparison, "stream-sum");
        assertThat(stream.evidence().kind()).isEqualTo(Evidence.Kind.ENGINES);
        assertThat(stream.evidence().describe()).isEqualTo("3+3 engines");
        // scipy: ttest_ind(log([106, 110, 102]), log([100, 104, 96]), equal_var=False).pvalue
        assertThat(stream.pT()).isCloseTo(0.1404736023, within(1e-9));
        assertThat(stream.ciLowPercent()).isCloseTo(-2.95448337, within(1e-6));
        assertThat(stream.ciHighPercent()).isCloseTo(15.7943289, within(1e-6));
        // The runs alone (15 a side, tight within each engine) would call this +6% significant; three engines do not.
        assertThat(dev.perfshell.timing.stats.RatioEstimate.of(
                                base.results().get(0).metric().samples(),
                                candidate.results().get(0).metric().samples())
                        .p())
                .isLessThan(0.01);
        assertThat(stream.pT()).isGreaterThan(0.05);
        assertThat(stream.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_CHANGE);

        ResultPair map = row(comparison, "map-get");
        assertThat(map.evidence().kind()).isEqualTo(Evidence.Kind.ENGINES);
        assertThat(map.verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(map.ratio()).isCloseTo(2.0, within(1e-9));
        assertThat(comparison.notes()).noneMatch(note -> note.contains("one engine JVM per side"));
    }

    @Test
    void aForkedFileAgainstAnUnforkedOneFallsBackToRuns() throws Exception {
        ResultsFile forked = CompareRun.read("forked-base.json");
        ResultsFile single = ResultsReader.parse(
                TestDocuments.results(TestDocuments.record(
                        "stream-sum",
                        "timeit",
                        "list.stream().mapToInt(i -> i).sum()",
                        "[100.0, 101.0, 99.0]",
                        "100.0")),
                "single.json");
        Comparison comparison = comparer.compare(forked, single);
        assertThat(comparison.pairs().get(0).evidence().describe()).isEqualTo("15+3 runs");
        assertThat(comparison.notes())
                .anyMatch(note -> note.contains("one engine JVM per side"))
                .contains("forked-base.json ran 3 engines per result, single.json 1 engine.");
    }

    @Test
    void higherIsBetterTurnsTheVerdicts() throws Exception {
        Comparison comparison =
                comparer.compare(CompareRun.read("throughput-base.json"), CompareRun.read("throughput-new.json"));
        ResultPair encode = row(comparison, "encode");
        // Geometric means of five engines a side: 1,501.99 over 1,001.99 ops/s.
        assertThat(encode.changePercent()).isCloseTo(49.9012755, within(1e-6));
        assertThat(encode.verdict()).isEqualTo(Verdict.FASTER);
        assertThat(CompareFormat.ratio(encode.ratio())).isEqualTo("1.50x faster");
        ResultPair decode = row(comparison, "decode");
        assertThat(decode.changePercent()).isCloseTo(-29.9702658, within(1e-6));
        assertThat(decode.verdict()).isEqualTo(Verdict.SLOWER);
        assertThat(CompareFormat.ratio(decode.ratio())).isEqualTo("1.43x slower");
        // Geometric mean of the two direction-adjusted ratios.
        assertThat(comparison.geometricMeans())
                .singleElement()
                .extracting(GeometricMean::kind)
                .isEqualTo(UnitKind.TIME);
        assertThat(comparison.geometricMeans().get(0).value())
                .isCloseTo(Math.sqrt((1 / 1.499012755) * 1.427964866), within(1e-8));
        assertThat(comparison.exitCode()).isEqualTo(1);
    }

    @Test
    void labelsMatchBeforeSourcesAndTwoDifferentLabelsNeverMatch() throws Exception {
        ResultsFile base = ResultsReader.parse(
                TestDocuments.results(
                        TestDocuments.record("a", "timeit", "f()", "[1.0, 1.1]", "1.05"),
                        TestDocuments.record(null, "timeit", "g()", "[2.0, 2.1]", "2.05"),
                        TestDocuments.record("old-name", "timeit", "h()", "[3.0, 3.1]", "3.05")),
                "b.json");
        ResultsFile candidate = ResultsReader.parse(
                TestDocuments.results(
                        TestDocuments.record("new-name", "timeit", "h()", "[3.0, 3.1]", "3.05"),
                        TestDocuments.record("g-labelled", "timeit", "g()", "[2.0, 2.1]", "2.05"),
                        TestDocuments.record("a", "timeit", "other()", "[1.0, 1.1]", "1.05")),
                "n.json");
        Comparison comparison = comparer.compare(base, candidate);
        assertThat(comparison.pairs()).extracting(ResultPair::name).containsExactly("a", "timeit: g()");
        assertThat(comparison.onlyInBase()).containsExactly("old-name");
        assertThat(comparison.onlyInNew()).containsExactly("new-name");
    }

    @Test
    void paramsAreMatchedWhateverTheirFieldOrder() throws Exception {
        ResultsFile base = ResultsReader.parse(
                TestDocuments.results(
                        TestDocuments.record(null, "timeit", "f()", "[1.0, 1.1]", "1.05")
                                .replace("\"params\": {}", "\"params\": {\"runs\": 2, \"loops\": 10}"),
                        TestDocuments.record(null, "timeit", "f()", "[1.0, 1.1]", "1.05")
                                .replace("\"params\": {}", "\"params\": {\"runs\": 3}")),
                "b.json");
        ResultsFile candidate = ResultsReader.parse(
                TestDocuments.results(TestDocuments.record(null, "timeit", "f()", "[1.0, 1.1]", "1.05")
                        .replace("\"params\": {}", "\"params\": {\"loops\": 10, \"runs\": 2}")),
                "n.json");
        Comparison comparison = comparer.compare(base, candidate);
        assertThat(comparison.pairs()).hasSize(1);
        assertThat(comparison.onlyInBase()).containsExactly("timeit: f()");
        assertThat(List.of(comparison.onlyInNew().size())).containsExactly(0);
    }

    @Test
    void longSourcesAreShortenedOnOneLine() throws Exception {
        ResultsFile file = ResultsReader.parse(
                TestDocuments.results(TestDocuments.record(
                        null,
                        "timeit",
                        "for (int i = 0; i < n; i++) {\\n  total += values[i] * weights[i];\\n}",
                        "[1.0]",
                        "1.0")),
                "x.json");
        assertThat(file.results().get(0).displayName())
                .isEqualTo("timeit: for (int i = 0; i < n; i++) { t\u2026")
                .hasSize(40);
    }
}
