package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %prun} end to end: one script, one real engine. Call counts are exact and asserted exactly
 * (fib(20) is 21,891 calls); times are checked by their relations only (cumtime ≥ tottime, the self times
 * add up to the statement's cumulative time).
 */
class PrunScriptTest {
    private static final String SCRIPT = String.join(
            "\n",
            "int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }", // 1
            "%prun -q --timed -r f fib(20)", // 2 clock probes: self times add up
            "long fibCalls = f.calls(\"fib(int)\");", // 3
            "long fibPrimitive = f.primitiveCalls(\"fib(int)\");", // 4
            "boolean cumAtLeastSelf = f.cumulativeNanos(\"fib(int)\") >= f.selfNanos(\"fib(int)\");", // 5
            "double selfSum = f.methods().stream().mapToLong(f::selfNanos).sum();", // 6
            "double selfShare = selfSum / f.cumulativeNanos(\"<statement>\");", // 7
            "int leaf(int x) { return x + 1; }", // 8
            "int left(int x) { return leaf(x); }", // 9
            "int right(int x) { return leaf(x) + leaf(x); }", // 10
            "%prun -q -r two left(1) + right(2)", // 11
            "long leafCalls = two.calls(\"leaf(int)\");", // 12
            "class Box { int twice(int x) { return 2 * x; } }", // 13
            "%prun -q -r nested new Box().twice(3)", // 14
            "long boxCalls = nested.calls(\"Box.twice(int)\");", // 15
            "%prun -q -r lambdas java.util.stream.IntStream.range(0, 10).map(i -> fib(i)).sum()", // 16
            "long lambdaFib = lambdas.calls(\"fib(int)\");", // 17
            "int boom(int n) { if (n == 0) throw new IllegalStateException(\"boom\"); return boom(n - 1); }", // 18
            "%prun -r thrown boom(5)", // 19 fails (throws)
            "long boomCalls = thrown.calls(\"boom(int)\");", // 20
            "int safe(int n) { try { return boom(n); } catch (IllegalStateException e) { return -1; } }", // 21
            "%prun -q -r caught safe(3) + fib(5)", // 22
            "long caughtFib = caught.calls(\"fib(int)\");", // 23
            "long caughtBoom = caught.calls(\"boom(int)\");", // 24
            "long caughtSafe = caught.calls(\"safe(int)\");", // 25
            "int tri(int n) { return n == 0 ? 0 : tri(n - 1); }", // 26
            "int tri(int n) { return n <= 1 ? 0 : tri(n - 2); }", // 27 redefined: half the calls
            "%prun -q -r redefined tri(10)", // 28
            "%prun -q --counts -r counted fib(20)", // 29
            "long countedCalls = counted.calls(\"fib(int)\");", // 30
            "long countedSelf = counted.selfNanos(\"fib(int)\");", // 31
            "java.util.Map<Integer, Integer> map = new java.util.HashMap<>();", // 32
            "int fill(int n) { for (int i = 0; i < n; i++) map.put(i, i); return map.size(); }", // 33
            "%prun -q -r boundary fill(100)", // 34
            "long puts = boundary.calls(\"java.util.Map.put(Object, Object)\");", // 35
            "%prun -q -r noBoundary --no-boundary fill(100)", // 36
            "long noPuts = noBoundary.calls(\"java.util.Map.put(Object, Object)\");", // 37
            "%prun -s nosuchkey fib(3)", // 38 fails before running
            "%prun -q -r par java.util.stream.IntStream.range(0, 64).parallel().map(i -> fib(15)).sum()", // 39
            "long parCalls = par.calls(\"fib(int)\");", // 40
            "%prun -q -r after fib(20)", // 41
            "long afterCalls = after.calls(\"fib(int)\");", // 42
            "long sumLeaves(int n) { long s = 0; for (int i = 0; i < n; i++) s += leaf(i); return s; }", // 43
            "%timeit -q -o before sumLeaves(10_000)", // 44
            "%prun -q sumLeaves(10_000)", // 45
            "%timeit -q -o afterTimeit sumLeaves(10_000)", // 46
            "double probeFree = afterTimeit.best() / before.best();", // 47
            "%prun --callers leaf -l leaf left(1) + right(2)", // 48
            "%prun -q -D DUMP fib(5)", // 49
            "%prun -q --timed -r timedBoundary --time-boundary fill(100)", // 50
            "boolean putsTimed = timedBoundary.calls(\"java.util.Map.put(Object, Object)\") == 100 && timedBoundary.cumulativeNanos(\"java.util.Map.put(Object, Object)\") > 0;", // 51
            "java.util.List<Integer> seen = new java.util.ArrayList<>();", // 52
            "%prun -q seen.add(7)", // 53 a value: neither shown nor kept as $N
            "%lprun -q -f fib seen.add(fib(6))", // 54
            "%mprun -q -f fib seen.add(fib(1))", // 55
            "System.exit(3)", // 56 fails: a new engine replays the session
            "String seenAfter = seen.toString();", // 57 the side effects were replayed
            "String end = \"end\";", // 58
            "");

    private static ScriptRun run;
    private static List<String> lines;
    private static JsonNode json;
    private static Path dump;

    @BeforeAll
    static void runScript(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results.json");
        dump = dir.resolve("fib.json");
        run = ScriptRun.file(
                dir, SCRIPT.replace("DUMP", dump.toString()), List.of(), "--keep-going", "--json", out.toString());
        lines = run.lines();
        json = new ObjectMapper().readTree(Files.readString(out));
    }

    private static String value(String name) {
        return run.value(name);
    }

    private static long number(String name) {
        return Long.parseLong(value(name));
    }

    @Test
    void onlyTheBadLinesFail() {
        assertThat(run.failedLines()).as(run.toString()).containsExactly(19, 38, 56);
        assertThat(value("end")).isEqualTo("\"end\"");
    }

    @Test
    void recursionCountsAreExact() {
        assertThat(number("fibCalls")).as(run.toString()).isEqualTo(21_891);
        assertThat(number("fibPrimitive")).isEqualTo(1);
        assertThat(value("cumAtLeastSelf")).isEqualTo("true");
    }

    @Test
    void selfTimesAddUpToTheStatement() {
        assertThat(Double.parseDouble(value("selfShare"))).as(run.toString()).isCloseTo(1.0, within(0.05));
    }

    @Test
    void callsFromTwoCallersAndNestedClassesAndLambdas() {
        assertThat(number("leafCalls")).isEqualTo(3);
        assertThat(number("boxCalls")).isEqualTo(1);
        assertThat(number("lambdaFib")).isEqualTo(276); // fib(0..9) calls: sum of 2*fib(i+1)-1
    }

    @Test
    void exceptionsKeepTheAccountingRight() {
        assertThat(number("boomCalls")).as(run.toString()).isEqualTo(6);
        assertThat(run.out + run.err).contains("Exception java.lang.IllegalStateException: boom");
        assertThat(number("caughtBoom")).isEqualTo(4);
        assertThat(number("caughtSafe")).isEqualTo(1);
        assertThat(number("caughtFib")).isEqualTo(15);
    }

    @Test
    void aRedefinedMethodIsProfiledWithItsNewBody() {
        // tri(10) -> tri(8) -> ... -> tri(0): 6 calls with the new body (11 with the old one)
        // rows: tri 6/1, <statement> 1; JShell's boxing of the value ({Integer.valueOf}) is not the user's and not
        // shown
        assertThat(value("redefined")).as(run.toString()).startsWith("7 method calls (2 primitive calls) in ");
    }

    @Test
    void countsOnlyHasExactCountsAndNoTimes() {
        assertThat(number("countedCalls")).isEqualTo(21_891);
        assertThat(number("countedSelf")).isZero();
    }

    @Test
    void boundaryCallsAreCountedUnlessTurnedOff() {
        assertThat(number("puts")).as(run.toString()).isEqualTo(100);
        assertThat(number("noPuts")).isZero();
        // counted only by default: no time; --time-boundary times them
        assertThat(value("putsTimed")).isEqualTo("true");
    }

    @Test
    void aProfiledExpressionsValueIsNotKeptButItsSideEffectsReplay() {
        // no "$N ==> true" after %prun, %lprun or %mprun: every $N would be imported by each later snippet
        assertThat(lines).as(run.toString()).noneMatch(line -> line.matches("\\$\\d+ ==> true"));
        assertThat(value("seenAfter")).isEqualTo("\"[7, 8, 1]\"");
        assertThat(run.out).contains("Restored");
    }

    @Test
    void aBadSortKeyIsRejectedBeforeTheCodeRuns() {
        assertThat(run.out + run.err).contains("nosuchkey");
    }

    @Test
    void threadsAreMerged() {
        assertThat(number("parCalls")).isEqualTo(64L * 1_973);
    }

    @Test
    void probesAreGoneAfterEveryRun() {
        assertThat(number("afterCalls")).isEqualTo(21_891);
    }

    @Test
    void probesAreRemovedTheCodeRunsAsFastAsBefore() {
        // a loop of tiny calls (steady under the JIT, unlike recursion, whose inlining varies from one
        // compilation to the next): probes left in, even idle, would stop the leaf from being inlined and make
        // every run slower, the fastest too. The fastest runs are compared: other processes only add time, and
        // the medians read 2.1 apart in a full build at load 3.8 (and 0.75 in another busy run).
        assertThat(Double.parseDouble(value("probeFree"))).as(run.toString()).isBetween(0.5, 1.33);
    }

    @Test
    void callersViewListsBothCallers() {
        int i = lines.indexOf("Function    was called by...");
        assertThat(i).as(run.toString()).isPositive();
        List<String> view = lines.subList(i, Math.min(lines.size(), i + 5));
        assertThat(view).anyMatch(line -> line.matches(".*\\(leaf\\)\\s+<-\\s+1\\s+.*#\\d+:1\\(left\\)"));
        assertThat(view).anyMatch(line -> line.matches("\\s+2\\s+.*#\\d+:1\\(right\\)"));
    }

    @Test
    void dumpWritesTheProfileFile() throws Exception {
        assertThat(run.out).contains("*** Profile stats marshalled to file '" + dump + "'.");
        JsonNode profile = new ObjectMapper().readTree(Files.readString(dump));
        assertThat(profile.get("schema").asText()).isEqualTo("perfshell-profile/1");
        assertThat(profile.get("source").asText()).isEqualTo("fib(5)");
    }

    @Test
    void everyRowsCumulativeTimeCoversItsSelfTime() {
        int rows = 0;
        for (JsonNode r : json.get("results")) {
            if (!r.get("magic").asText().equals("prun")) continue;
            for (JsonNode m : r.get("methods")) {
                assertThat(m.get("cumulativeNanos").asLong())
                        .as(m.toString())
                        .isGreaterThanOrEqualTo(m.get("selfNanos").asLong());
                rows++;
            }
        }
        assertThat(rows).isGreaterThan(20);
    }

    @Test
    void exportHasTheProfile() {
        JsonNode first = null;
        for (JsonNode r : json.get("results")) {
            if (r.get("magic").asText().equals("prun")) {
                first = r;
                break;
            }
        }
        assertThat(first).isNotNull();
        assertThat(first.get("source").asText()).isEqualTo("fib(20)");
        assertThat(first.get("totalNanos").asLong()).isPositive();
        JsonNode fib = null;
        for (JsonNode m : first.get("methods")) if (m.get("method").asText().equals("fib(int)")) fib = m;
        assertThat(fib).isNotNull();
        assertThat(fib.get("location").asText()).isEqualTo("#1:1(fib)");
        assertThat(fib.get("calls").asLong()).isEqualTo(21_891);
        assertThat(fib.get("primitiveCalls").asLong()).isEqualTo(1);
        assertThat(fib.get("cumulativeNanos").asLong())
                .isGreaterThanOrEqualTo(fib.get("selfNanos").asLong());
    }
}
