package dev.perfshell.repl.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The replay model and the log it reads, fed by a real (local) JShell. */
class ReplayModelTest {
    private JShell jshell;
    private SnippetLog log;

    @BeforeEach
    void start() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        // temporary names keep JShell's own counter ($1, $2...), as perfshell's do
        jshell = JShell.builder().executionEngine("local").out(sink).err(sink).build();
        log = new SnippetLog();
    }

    @AfterEach
    void close() {
        jshell.close();
    }

    private List<SnippetEvent> eval(String source) {
        List<SnippetEvent> events = jshell.eval(source);
        log.record(source, events);
        return events;
    }

    private List<String> replay() {
        return ReplayModel.of(log).steps().stream()
                .map(s -> s.origin() + " " + s.source())
                .toList();
    }

    @Test
    void keepsDeclarationsAndStatementsInOrder() {
        eval("import java.util.*;");
        eval("int x = 1;");
        eval("int twice(int n) { return 2 * n; }");
        eval("record P(int a) {}");
        eval("x = twice(x);");
        eval("List<P> ps = new ArrayList<>();");
        assertThat(replay())
                .containsExactly(
                        "#1 import java.util.*;",
                        "#2 int x = 1;",
                        "#3 int twice(int n) { return 2 * n; }",
                        "#4 record P(int a) {}",
                        "#5 x = twice(x);",
                        "#6 List<P> ps = new ArrayList<>();");
    }

    @Test
    void expressionsReplayAsVarsSoDollarNamesStillWork() {
        eval("int x = 20;");
        eval("x + 1");
        eval("x * 2;");
        eval("$1 + $2");
        eval("  x - 1;  ");
        assertThat(replay())
                .containsExactly(
                        "#1 int x = 20;",
                        "#2 var $1 = x + 1;",
                        "#3 var $2 = x * 2;",
                        "#4 var $3 = $1 + $2;",
                        "#5 var $4 = x - 1;");
    }

    @Test
    void anExpressionWhoseValueWasDiscardedReplaysAsAStatementWithoutADollarName() {
        eval("int[] count = {0};");
        List<SnippetEvent> profiled = eval("++count[0]");
        jshell.drop(profiled.get(0).snippet());
        log.valueDiscarded(profiled.get(0).snippet());
        assertThat(replay()).containsExactly("#1 int[] count = {0};", "#2 { var perfshell$discarded = ++count[0]; }");
        try (JShell fresh = JShell.builder().executionEngine("local").build()) {
            ReplayModel.of(log).steps().forEach(step -> fresh.eval(step.source()));
            assertThat(fresh.eval("count[0]").get(0).value()).isEqualTo("1");
            assertThat(fresh.variables().map(VarSnippet::name))
                    .containsExactly("count", "$1"); // $1: the count[0] just asked
        }
    }

    @Test
    void bareVariableReferencesAreNotReplayed() {
        eval("int x = 20;");
        eval("x");
        eval("x = 21;");
        assertThat(replay()).containsExactly("#1 int x = 20;", "#3 x = 21;");
    }

    @Test
    void replayedSourcesRebuildTheSessionInAFreshJShell() {
        eval("int x = 20;");
        eval("x + 1");
        eval("int f(int n) { return n + $1; }");
        eval("f(1)");
        List<ReplayModel.Step> steps = ReplayModel.of(log).steps();
        try (JShell fresh = JShell.builder().executionEngine("local").build()) {
            for (ReplayModel.Step step : steps) {
                assertThat(fresh.eval(step.source())).first().satisfies(event -> {
                    assertThat(event.status()).as(step.source()).isEqualTo(Snippet.Status.VALID);
                    assertThat(event.exception()).isNull();
                });
            }
            assertThat(fresh.eval("$2").get(0).value()).isEqualTo("22");
        }
    }

    @Test
    void rejectedOverwrittenDroppedAndExcludedSnippetsStayOut() {
        eval("int x = 1;");
        eval("int y = \"not an int\";"); // rejected
        eval("int x = 2;"); // overwrites #1
        eval("int f() { return 1; }");
        eval("int f() { return 2; }"); // modifies f: #4 overwritten
        List<SnippetEvent> exit = eval("System.out.print(\"\")");
        log.excludeFromReplay(exit); // e.g. it killed the engine
        List<SnippetEvent> gone = eval("int gone = 3;");
        jshell.drop(gone.get(0).snippet());
        log.dropped(gone.get(0).snippet());
        assertThat(ReplayModel.of(log).steps())
                .extracting(ReplayModel.Step::source)
                .containsExactly("int x = 2;", "int f() { return 2; }");
        // history still has everything that was entered, with its latest status
        assertThat(log.entries()).hasSize(7);
        assertThat(log.active())
                .extracting(SnippetLog.Entry::source)
                .containsExactly("int x = 2;", "int f() { return 2; }", "System.out.print(\"\")");
        assertThat(log.entries().get(0).status()).isEqualTo(Snippet.Status.OVERWRITTEN);
        assertThat(log.entries().get(6).status()).isEqualTo(Snippet.Status.DROPPED);
    }

    @Test
    void oneInputWithUpdatesRecordsOnlyItsOwnSnippet() {
        eval("int later() { return helper(); }");
        eval("int helper() { return 1; }"); // updates 'later' to VALID: no new entry
        assertThat(log.entries()).extracting(e -> e.snippet().id()).containsExactly("1", "2");
        assertThat(log.entries().get(0).status()).isEqualTo(Snippet.Status.VALID);
    }

    @Test
    void clearForgetsEverything() {
        eval("int x = 1;");
        log.clear();
        assertThat(log.entries()).isEmpty();
        assertThat(ReplayModel.of(log).steps()).isEmpty();
    }
}
