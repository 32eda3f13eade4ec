package dev.perfshell.repl.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.perfshell.repl.profile.Profile.CallEdge;
import dev.perfshell.repl.profile.Profile.MethodStats;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.repl.results.ResultsEnvironment;
import dev.perfshell.repl.results.ResultsJson;
import dev.perfshell.repl.results.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A profile of a million methods (a generated class storm) is summarised, never shown or kept whole. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HugeProfileTest {
    private static final int METHODS = 1_000_000;
    /** A hang guard only (this takes a few seconds); the test is about what is printed and kept. */
    private static final Duration GUARD = Duration.ofSeconds(120);

    private Profile huge;

    /** One statement calling a million generated methods, each with its own self time; one edge each. */
    @BeforeAll
    void generate() {
        List<MethodStats> methods = new ArrayList<>(METHODS + 1);
        List<CallEdge> edges = new ArrayList<>(METHODS);
        methods.add(new MethodStats("run", "run()", "#1:1(<statement>)", false, 1, 1, 1_000, 2_000_000_000L));
        for (int i = 0; i < METHODS; i++) {
            long self = 1_000 + (i * 7919L) % 1_000_003; // a scrambled order, so sorting is real work
            methods.add(new MethodStats(
                    "m" + i,
                    "Storm.m" + i + "()",
                    "Storm.java:" + (i + 1) + "(m" + i + ")",
                    false,
                    1 + i % 3,
                    1 + i % 3,
                    self,
                    self));
            edges.add(new CallEdge("run", "m" + i, 1 + i % 3, 1 + i % 3, self, self));
        }
        huge = new Profile("storm()", 2_000_000_000L, 49, 1, true, methods, edges, false);
    }

    @Test
    void theDefaultReportShowsTheTopRowsAndSaysHowManyThereWere() {
        ProfileView view = ProfileView.of(List.of(), List.of(), null, null, false, null, null);
        List<String> report = assertTimeoutPreemptively(GUARD, () -> view.render(huge));
        assertThat(report).hasSizeLessThan(ProfileView.DEFAULT_ROWS + 20);
        assertThat(report)
                .anySatisfy(line -> assertThat(line)
                        .isEqualTo(
                                "   List reduced from 1000001 to 100 due to restriction <100>, the default for a long profile "
                                        + "(-l 1.0 shows every row)"));
        // the rows shown are the top of the whole profile: the largest self time first
        assertThat(report)
                .anySatisfy(line -> assertThat(line)
                        .endsWith(" Storm.java:" + topMethodLine() + "(m" + (topMethodLine() - 1) + ")"));
    }

    @Test
    void anExplicitLimitIsObeyedInstead() {
        ProfileView view = ProfileView.of(List.of(), List.of("5"), null, null, false, null, null);
        List<String> report = assertTimeoutPreemptively(GUARD, () -> view.render(huge));
        assertThat(report)
                .anySatisfy(
                        line -> assertThat(line).isEqualTo("   List reduced from 1000001 to 5 due to restriction <5>"));
        assertThat(report).hasSizeLessThan(20);
    }

    @Test
    void theCallViewsOfTheDefaultRowsAreBoundedToo() {
        ProfileView view = ProfileView.of(List.of(), List.of(), "", "", false, null, null);
        List<String> report = assertTimeoutPreemptively(GUARD, () -> view.render(huge));
        // the callees of <statement> are a million edges: that row is in the top 100 only if its self time is
        assertThat(report.size()).isLessThan(3 * (ProfileView.DEFAULT_ROWS + 20));
    }

    @Test
    void aShortProfileIsShownWholeAsPstatsDoes() {
        ProfileView view = ProfileView.of(List.of(), List.of(), null, null, false, null, null);
        assertThat(view.render(Profiles.fib())).noneMatch(line -> line.contains("List reduced"));
    }

    @Test
    void theResultKeepsTheTopRowsAndTheJsonExportStaysSmall(@TempDir Path dir) throws Exception {
        ResultRecord record = PrunDetails.record(null, huge, ResultOrigin.UNKNOWN);
        PrunDetails details = (PrunDetails) record.details();
        assertThat(details.methods()).hasSize(PrunDetails.ROWS_KEPT);
        assertThat(details.methodCount()).isEqualTo(METHODS + 1);
        assertThat(details.methods().get(0).selfNanos())
                .isEqualTo(huge.methods().stream()
                        .mapToLong(MethodStats::selfNanos)
                        .max()
                        .orElseThrow());
        assertThat(record.warnings())
                .contains("1,000,001 methods: the result keeps the 1,000 with the most self time "
                        + "(%prun -D FILE.json keeps them all)");

        Path json = dir.resolve("results.json");
        ResultsJson.write(json, Tool.perfshell(), ResultsEnvironment.unknown(), List.of(record), false);
        assertThat(Files.size(json)).as("a thousand rows, not a million").isLessThan(1_000_000);
        assertThat(Files.readString(json)).contains("\"methodCount\": 1000001");
    }

    /** The generated method with the largest self time, as its line number (m(i) is on line i + 1). */
    private int topMethodLine() {
        int best = 0;
        long bestSelf = -1;
        for (int i = 0; i < METHODS; i++) {
            long self = 1_000 + (i * 7919L) % 1_000_003;
            if (self > bestSelf) {
                bestSelf = self;
                best = i;
            }
        }
        return best + 1;
    }
}
