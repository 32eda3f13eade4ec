package dev.perfshell.repl.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.session.SnippetLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What %jmh makes of a session, fed by a real (local) JShell. */
class SessionReplayTest {
    private JShell jshell;
    private SnippetLog log;

    @BeforeEach
    void start() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream());
        jshell = JShell.builder().executionEngine("local").out(sink).err(sink).build();
        log = new SnippetLog();
    }

    @AfterEach
    void close() {
        jshell.close();
    }

    private void eval(String source) {
        log.record(source, jshell.eval(source));
    }

    private List<String> parts() {
        SessionReplay replay = SessionReplay.of(log);
        assertThat(replay.problem()).isEmpty();
        return replay.parts().stream()
                .map(p -> p.kind() + " " + (p.name() == null ? "" : p.type() + " " + p.name() + " = ") + p.source())
                .toList();
    }

    @Test
    void anExpressionWhoseValueAProfilerDiscardedReplaysForItsSideEffectsOnly() {
        eval("java.util.List<Integer> seen = new java.util.ArrayList<>();");
        List<jdk.jshell.SnippetEvent> events = jshell.eval("seen.add(7)");
        log.record("seen.add(7)", events);
        jshell.drop(events.get(0).snippet());
        log.valueDiscarded(events.get(0).snippet());
        assertThat(parts())
                .containsExactly(
                        "VARIABLE java.util.List<Integer> seen = new java.util.ArrayList<>()",
                        "STATEMENT { var perfshell$discarded = seen.add(7); }");
        assertThat(jshell.eval(parts().get(1).substring("STATEMENT ".length()))
                        .get(0)
                        .status())
                .isEqualTo(jdk.jshell.Snippet.Status.VALID);
    }

    @Test
    void noSessionKeepsTheDeclarationsAndLeavesOutTheStateInOrder() {
        SessionReplay replay = new SessionReplay(
                List.of(
                        SessionPart.imports("#1", "import java.util.*;"),
                        SessionPart.variable("#2", "m", "Map<String,Integer>", "new HashMap<>()"),
                        SessionPart.type("#3", "record P(int a) {}"),
                        SessionPart.statement("#4", "m.put(\"k\", 1);"),
                        SessionPart.method("#5", "int twice(int n) { return 2 * n; }")),
                java.util.Optional.empty());
        assertThat(replay.declarations()).extracting(SessionPart::origin).containsExactly("#1", "#3", "#5");
        assertThat(replay.state()).extracting(SessionPart::origin).containsExactly("#2", "#4");
    }

    @Test
    void everyKindOfSnippetInOrder() {
        eval("import java.util.*;"); // the JShell API runs no startup imports
        eval("import java.util.concurrent.atomic.*;");
        eval("record P(int a) {}");
        eval("int twice(int n) { return 2 * n; }");
        eval("var m = new HashMap<String, Integer>();");
        eval("for (int i = 0; i < 3; i++) m.put(\"k\" + i, i);");
        eval("m.size() * 2");
        eval("m");
        eval("m = null");
        assertThat(parts())
                .containsExactly(
                        "IMPORT import java.util.*;",
                        "IMPORT import java.util.concurrent.atomic.*;",
                        "TYPE record P(int a) {}",
                        "METHOD int twice(int n) { return 2 * n; }",
                        "VARIABLE HashMap<String,Integer> m = new HashMap<String, Integer>()",
                        "STATEMENT for (int i = 0; i < 3; i++) m.put(\"k\" + i, i);",
                        "VARIABLE int $1 = m.size() * 2", // a temporary: later snippets may name $1
                        // the bare reference "m" shows a value and changes nothing: left out
                        "STATEMENT m = null;");
    }

    @Test
    void eachVariableOfACompoundDeclarationGetsItsOwnInitialiser() {
        eval("int a = 1, b = a + 1;");
        eval("int[] arr = {1, 2};");
        eval("long q;");
        assertThat(parts())
                .containsExactly(
                        "VARIABLE int a = 1",
                        "VARIABLE int b = a + 1",
                        "VARIABLE int[] arr = new int[] {1, 2}",
                        "VARIABLE long q = null");
    }

    @Test
    void anEarlierDefinitionOfTheSameTypeStillRunsAtItsPlace() {
        eval("import java.util.*;");
        eval("List<Integer> list = new ArrayList<>();");
        eval("list.add(1);");
        eval("List<Integer> list = new ArrayList<>(list);");
        eval("String s = \"x\";");
        eval("int s = 3;"); // another type: the old initialiser cannot be assigned to the new field
        assertThat(parts())
                .containsExactly(
                        "IMPORT import java.util.*;",
                        "STATEMENT list = new ArrayList<>();",
                        "VARIABLE boolean $1 = list.add(1)",
                        "VARIABLE List<Integer> list = new ArrayList<>(list)",
                        "VARIABLE int s = 3");
    }

    @Test
    void aVariableWithoutANameableTypeIsRefusedByName() {
        eval("int ok = 1;");
        eval("var anon = new Object() { int z = 7; };");
        SessionReplay replay = SessionReplay.of(log);
        assertThat(replay.problem())
                .hasValueSatisfying(problem -> assertThat(problem)
                        .startsWith("#2 var anon = new Object() { int z = 7; };")
                        .contains("'anon' (<anonymous class extending Object>) cannot be written as a field type"));
    }

    @Test
    void whatFollowsAnUnreplayableVariableIsStillReplayed() {
        // --no-session drops every variable, so a method declared after one it cannot replay must still be there.
        eval("var anon = new Object() { int z = 7; };");
        eval("int twice(int n) { return 2 * n; }");
        SessionReplay replay = SessionReplay.of(log);
        assertThat(replay.problem()).isPresent();
        assertThat(replay.parts()).extracting(SessionPart::kind).containsExactly(SessionPart.Kind.METHOD);
    }

    @Test
    void anIntersectionTypeIsRefusedToo() {
        eval("var both = true ? 1 : \"s\";");
        assertThat(SessionReplay.of(log).problem())
                .hasValueSatisfying(problem -> assertThat(problem).contains("'both'"));
    }

    @Test
    void failedSnippetsAreLeftOut() {
        eval("int boom() { throw new IllegalStateException(); }");
        eval("int bad = nosuch;");
        assertThat(parts()).containsExactly("METHOD int boom() { throw new IllegalStateException(); }");
    }
}
