package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.perfshell.e2e.Perfshell.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * %timeit reads what a fresh engine reads after other code trained the JIT (docs/history.md), through the real
 * launcher and a real script; and what it says about its numbers: findings only where they change the number.
 * Times are compared as ratios within one session, never as absolute figures.
 */
class HistoryE2ETest {
    @TempDir
    Path home;

    @TempDir
    Path work;

    private static double number(Result r, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + " ==> ([0-9.E-]+)$")
                .matcher(r.stdout());
        assertThat(m.find()).as("no %s in\n%s", name, r).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void anInterfaceCallTimedAfterOtherReceiverTypesReadsAsInAFreshEngine() throws Exception {
        Result r = Perfshell.runScript(home, work, "receivers.jsh", """
                interface Counter { int inc(); }
                class C1 implements Counter { int v; public int inc() { return ++v; } }
                class C2 implements Counter { int v; public int inc() { return v += 2; } }
                class C3 implements Counter { int v; public int inc() { return v += 3; } }
                int measure(Counter c) { int s = 0; for (int i = 0; i < 10; i++) s += c.inc(); return s; }
                Counter c1 = new C1(); Counter c2 = new C2(); Counter c3 = new C3();
                long calls = 0; for (int i = 0; i < 200_000; i++) calls += measure(c1) + measure(c2) + measure(c3);
                %timeit -q -o kept --keep-profiles measure(c1)
                %timeit -q -o session measure(c1)
                %timeit -q -o session2 measure(c1)
                %timeit -q -o fresh --fresh measure(c1)
                double resetRatio = Math.min(session.median(), session2.median()) / fresh.median();
                double keptRatio = kept.median() / fresh.median();
                """);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // The premise: with the profiles the session's loop left, the call site is megamorphic (20x here). The --fresh
        // copy replays that loop too; its timing resets what the replay trained. The better of two in-session timings:
        // one timing in six read 1.23x here (1.42 ns against 1.14), the others 1.00-1.04x. The band is what separates
        // a reset from the 5-20x history it removes, not a precision claim: two engines read a 1-2 ns call up to 1.6x
        // apart by code layout alone (CI, a busy 2-core machine: 0.65x once), which no in-engine reset can remove.
        assertThat(number(r, "keptRatio")).as(r.toString()).isGreaterThan(3.0);
        assertThat(number(r, "resetRatio")).as(r.toString()).isBetween(0.5, 2.0);
    }

    @Test
    void aLoopTimedAfterShortTripCountsReadsAsInAFreshEngineAndIsNoEmptyLoop() throws Exception {
        Result r = Perfshell.runScript(home, work, "trips.jsh", """
                int a = 3, b = 4;
                int reps(int n) { int s = 0; for (int i = 0; i < n; i++) s += (a + b); return s; }
                %timeit -q --ops 1 reps(1)
                %timeit -q --ops 10 reps(10)
                String mark = "measured";
                %timeit -o session --ops 1000 reps(1000)
                String end = "end";
                %timeit -q -o fresh --fresh --ops 1000 reps(1000)
                double resetRatio = session.median() / fresh.median();
                """);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        // Without the reset this read 9-15x a fresh engine; two fresh engines differ up to 1.6x on a 30 ns loop by
        // code layout alone (CI: 0.052 against 0.034 ns/op), so the band separates the two cases and no more.
        assertThat(number(r, "resetRatio")).as(r.toString()).isBetween(0.5, 2.0);
        // 0.03 ns per operation is 30 ns a call of 1000 operations: far from the empty loop, and not folded.
        String measured =
                r.stdout().substring(r.stdout().indexOf("mark ==>"), r.stdout().indexOf("end ==>"));
        assertThat(measured).as(r.toString()).doesNotContain("empty loop").doesNotContain("folded");
    }

    @Test
    void aSweepSaysEachFindingOnce() throws Exception {
        Result r = Perfshell.runScript(home, work, "sweep.jsh", """
                %timeit --param n=10,100,1000 --budget 1 { int s = 0; for (int i = 0; i < n; i++) s += i; }
                """);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> warnings = new ArrayList<>();
        for (String line : r.stdout().lines().toList())
            if (line.startsWith("n=") && !line.matches("n=\\s*\\d+ .*per loop.*")) warnings.add(line);
        List<String> kinds = warnings.stream()
                .map(w -> w.substring(w.indexOf(": ") + 2, Math.min(w.length(), w.indexOf(": ") + 30)))
                .toList();
        assertThat(kinds).as(r.toString()).doesNotHaveDuplicates();
        assertThat(r.stdout()).as(r.toString()).doesNotContain("Warm-up did not settle");
    }

    @Test
    void aFoldedSnippetsJsonNamesFolding() throws Exception {
        Path json = work.resolve("out.json");
        Result r = Perfshell.runScript(home, work, "folded.jsh", """
                double x = 3.7;
                %timeit --label folded Math.sqrt(3.7) * 3.7 + 1.0
                %timeit --label honest Math.sqrt(x) * x + 1.0
                """, "--json", json.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        JsonNode results = new ObjectMapper().readTree(Files.readString(json)).get("results");
        // Either check may name it: the field-read control, or (when the busy machine kept the control's short
        // re-timing from confirming it, as in one CI run) the empty-loop floor. Both say "folded to a constant".
        assertThat(kinds(results.get(0))).as(r.toString()).containsAnyOf("folded", "empty-loop");
        assertThat(results.get(0).get("warnings").get(0).asText())
                .as(r.toString())
                .contains("folded to a constant");
        for (JsonNode finding : results.get(0).get("findings")) {
            if (finding.get("kind").asText().equals("folded"))
                assertThat(finding.get("ratio").asDouble()).isGreaterThanOrEqualTo(2.5);
        }
        assertThat(kinds(results.get(1))).as(r.toString()).doesNotContain("folded", "empty-loop");
    }

    private static List<String> kinds(JsonNode result) {
        List<String> kinds = new ArrayList<>();
        result.get("findings").forEach(finding -> kinds.add(finding.get("kind").asText()));
        return kinds;
    }
}
