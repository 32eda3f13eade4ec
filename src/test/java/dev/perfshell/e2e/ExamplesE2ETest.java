package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.e2e.Perfshell.Result;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The example perf scripts in {@code scripts/examples/} run through the real launcher
 * ({@code perfshell run FILE.jsh}) as a user would run them: exit code 0, no failed input, and
 * each script's one-line conclusion, computed from what it measured, is printed. No absolute
 * times are checked; the direction of a comparison only where it holds on any machine.
 */
class ExamplesE2ETest {
    /** A ratio as the scripts print it: "1.2x", "284x", "3,070x" (thousands grouped from 100 up). */
    private static final String RATIO = "\\d{1,3}(?:,\\d{3})*(?:\\.\\d)?x";
    /** A median scaled for reading: "2.51 ns", "576 ns", "1.23 µs" (the unit is not matched: encodings). */
    private static final String TIME = "\\d+(?:\\.\\d+)? \\S+";

    /**
     * The conclusion line each example must print. Every {@code .jsh} in the folder needs one here,
     * and every entry here needs its file. Where the winner depends on the machine (stream vs loop,
     * parallel vs sequential, …) the pattern accepts either phrasing.
     */
    static final Map<String, Pattern> CONCLUSIONS = Map.of(
            // O(1) against a scan of all 1000 elements: HashSet wins a missing-key lookup anywhere.
            "hashset-vs-arraylist.jsh",
                    Pattern.compile("^Conclusion: n=1000, missing key: HashSet\\.contains is " + RATIO
                            + " faster than ArrayList\\.contains \\(" + TIME + " vs " + TIME + "\\); middle key: "
                            + "(?:HashSet\\.contains is " + RATIO
                            + " faster than ArrayList\\.contains|ArrayList\\.contains is "
                            + RATIO + " faster than HashSet\\.contains) \\(" + TIME + " vs " + TIME + "\\)$"),
            // 49 calls against 242,785: the memoised fib(25) wins anywhere.
            "memoised-vs-naive.jsh",
                    Pattern.compile("^Conclusion: fib\\(25\\): memoised is " + RATIO + " faster than naive \\(" + TIME
                            + " vs " + TIME + "\\); iterative: " + TIME + "$"),
            "loop-vs-stream.jsh",
                    Pattern.compile("^Conclusion: n=10000: (?:for loop is " + RATIO
                            + " faster than IntStream\\.sum|IntStream\\.sum is " + RATIO + " faster than for loop) \\("
                            + TIME + " vs " + TIME + "\\); boxed stream: " + TIME
                            + ", \\d+(?:\\.\\d)?x the loop's time$"),
            "boxed-vs-primitive.jsh",
                    Pattern.compile(
                            "^Conclusion: n=10000: (?:long is " + RATIO
                                    + " faster than Long|Long is " + RATIO + " faster than long) \\(" + TIME + " vs "
                                    + TIME
                                    + "\\); allocated per call: Long [\\d,]+ B \\(\\d+\\.\\d B per element\\), long [\\d,]+ B$"),
            // O(n) against O(n^2) copying of 1,600 chars: StringBuilder wins anywhere.
            "stringbuilder-vs-concat.jsh",
                    Pattern.compile("^Conclusion: 200 parts: StringBuilder is " + RATIO
                            + " faster than \\+= concatenation \\(" + TIME + " vs " + TIME + "\\)$"),
            "sequential-vs-parallel.jsh",
                    Pattern.compile("^Conclusion: 1M longs: parallel/sequential speed-up "
                            + "\\d+\\.\\d\\dx \\(parallel is (?:not )?faster\\) with \\d+ available processors \\("
                            + TIME + " sequential vs " + TIME + " parallel\\)$"),
            "precomputed-vs-recomputed.jsh",
                    Pattern.compile("^Conclusion: 100 words: (?:the precompiled Pattern is "
                            + RATIO + " faster than String\\.matches|String\\.matches is " + RATIO
                            + " faster than the precompiled Pattern) \\(" + TIME + " vs " + TIME
                            + "\\), per 100 matches$"),
            // 33 elements pulled against 100,000 squared, boxed and stored: the lazy stream wins anywhere.
            "lazy-vs-materialised.jsh",
                    Pattern.compile("^Conclusion: first square above 1000 of 100000: the lazy stream is " + RATIO
                            + " faster than the materialised list \\(" + TIME + " vs " + TIME + "\\)$"),
            // An intrinsic against a loop C2 vectorises: either may win by a little.
            "builtin-vs-hand-loop.jsh",
                    Pattern.compile("^Conclusion: copying 10000 ints: (?:System\\.arraycopy is " + RATIO
                            + " faster than the hand loop|the hand loop is " + RATIO
                            + " faster than System\\.arraycopy) \\("
                            + TIME + " vs " + TIME + "\\)$"),
            // Inlined call against hand-inlined: the same code, either may read faster. An itable call per
            // element against an inlined one: one receiver type wins anywhere.
            "inlined-vs-megamorphic.jsh",
                    Pattern.compile("^Conclusion: sum of 10000 areas: (?:the method call is " + RATIO
                            + " faster than the hand-inlined loop|the hand-inlined loop is " + RATIO
                            + " faster than the method call) \\("
                            + TIME + " vs " + TIME + "\\); three receiver types: one type is " + RATIO
                            + " faster than three types \\("
                            + TIME + " vs " + TIME + "\\)$"));

    /** Lines that mean an input failed: a compile error, an exception, a bad magic, the script's FILE:LINE. */
    private static final Pattern ERROR_LINE =
            Pattern.compile("(?m)^(?:[Ee]rror: .*|Exception .*|Unknown magic .*|.*\\.jsh:\\d+: .*)$");

    @TempDir
    Path home;

    static Path examples() {
        return Perfshell.repoRoot().resolve("scripts/examples");
    }

    static List<String> exampleFiles() throws IOException {
        try (Stream<Path> files = Files.list(examples())) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jsh"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everyExampleHasAnExpectedConclusionAndEveryExpectationAnExample() throws IOException {
        assertThat(new TreeSet<>(exampleFiles()))
                .as("scripts/examples/*.jsh against ExamplesE2ETest.CONCLUSIONS: add the new example's conclusion"
                        + " pattern there (or drop the pattern of a removed example)")
                .isEqualTo(new TreeSet<>(CONCLUSIONS.keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exampleFiles")
    void exampleRunsAndPrintsItsConclusion(String name) throws Exception {
        Pattern expected = CONCLUSIONS.get(name);
        assertThat(expected)
                .as("no expected conclusion for scripts/examples/%s in ExamplesE2ETest.CONCLUSIONS", name)
                .isNotNull();
        Path script = examples().resolve(name);
        ProcessBuilder pb = Perfshell.builder(home, "run", script.toString())
                .directory(Perfshell.repoRoot().toFile());
        Result r = Perfshell.run(pb, null, home);

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(ERROR_LINE.matcher(r.stdout()).results().map(m -> m.group()).toList())
                .as("error lines in " + r)
                .isEmpty();
        List<String> conclusions =
                r.stdout().lines().filter(l -> l.startsWith("Conclusion: ")).toList();
        assertThat(conclusions).as(r.toString()).hasSize(1);
        assertThat(conclusions.get(0)).as(r.toString()).matches(expected);
    }
}
