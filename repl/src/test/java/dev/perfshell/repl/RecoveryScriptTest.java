package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The session survives what kills or cripples a plain JVM: System.exit, a stack overflow, an
 * OutOfMemoryError with the heap retained, and code that throws. One script, a small engine heap.
 */
class RecoveryScriptTest {
    private static final String SCRIPT = String.join(
            "\n",
            "int x = 7;", // 1
            "int depth(int n) { return depth(n + 1) + 1; }", // 2
            "depth(0)", // 3 fails
            "String s1 = \"after overflow\";", // 4
            "var keep = new java.util.ArrayList<long[]>();", // 5
            "while (true) keep.add(new long[1_000_000]);", // 6 fails
            "keep.size() > 0", // 7
            "keep.clear();", // 8
            "int div(int a, int b) { return a / b; }", // 9
            "div(1, 0)", // 10 fails
            "String s2 = \"after throw\";", // 11
            "System.exit(3)", // 12 fails
            "x + 1", // 13
            "s2", // 14
            "depth(1) > 0 ? 0 : 1", // 15 fails: overflow again
            "div(6, 3)", // 16
            "");

    private static ScriptRun run;
    private static List<String> lines;

    @BeforeAll
    static void runScript(@TempDir Path dir) throws Exception {
        run = ScriptRun.file(dir, SCRIPT, List.of("-R", "-Xmx64m"), "--keep-going");
        lines = run.lines();
    }

    private static int indexOf(String line) {
        int i = lines.indexOf(line);
        assertThat(i).as("line '%s' in\n%s", line, run).isGreaterThanOrEqualTo(0);
        return i;
    }

    @Test
    void failingLinesAreReportedAndTheRestRuns() {
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        Pattern failure = Pattern.compile(".*script\\.jsh:(\\d+): this input failed; going on \\(--keep-going\\)");
        List<Integer> failed = lines.stream()
                .map(failure::matcher)
                .filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1)))
                .toList();
        assertThat(failed).as(run.toString()).containsExactly(3, 6, 10, 12, 15);
    }

    @Test
    void stackOverflowIsShortenedAndTheSessionIsIntact() {
        int i = indexOf("Exception java.lang.StackOverflowError");
        assertThat(lines.subList(i + 1, i + 9)).containsOnly("      at depth (#2:1)");
        assertThat(lines.get(i + 9)).matches("      \\.\\.\\. \\d+ more snippet frames");
        assertThat(lines.get(i + 10)).startsWith("The session is intact.");
        assertThat(lines.get(i + 11)).endsWith("script.jsh:3: this input failed; going on (--keep-going)");
        assertThat(lines.get(i + 12)).isEqualTo("s1 ==> \"after overflow\"");
    }

    @Test
    void outOfMemoryWithRetainedHeapKeepsTheEngineAndItsState() {
        int i = indexOf("Exception java.lang.OutOfMemoryError: Java heap space");
        assertThat(lines.get(i + 1)).isEqualTo("      at (#6:1)");
        assertThat(lines.get(i + 2)).startsWith("The session is intact.").contains("-R -Xmx4g");
        assertThat(lines.get(i + 3)).endsWith("script.jsh:6: this input failed; going on (--keep-going)");
        // the same engine still holds what the snippet kept: no restart happened
        assertThat(lines.get(i + 4)).matches("\\$\\d+ ==> true");
        assertThat(lines.subList(0, indexOf("s2 ==> \"after throw\""))).noneMatch(l -> l.startsWith("The engine"));
    }

    @Test
    void throwingCodeShowsSnippetFrames() {
        int i = indexOf("Exception java.lang.ArithmeticException: / by zero");
        assertThat(lines.subList(i + 1, i + 3)).containsExactly("      at div (#9:1)", "      at (#10:1)");
        assertThat(lines.get(i + 4)).isEqualTo("s2 ==> \"after throw\"");
    }

    @Test
    void systemExitRestartsTheEngineAndReplaysTheSession() {
        int i = indexOf("The engine exited with code 3. Started a new engine and replayed the session.");
        assertThat(lines.get(i + 1)).matches("Restored \\d+ snippets \\((#\\d+ ?)+\\)\\.");
        assertThat(lines.get(i + 1)).contains("#1 ", "#2 ", "#9 ", "#11");
        assertThat(lines.subList(i + 1, lines.size())).contains("Not replayed: #12 System.exit(3)");
        assertThat(lines.subList(i + 1, lines.size())).noneMatch(l -> l.startsWith("Lost on replay"));
        int failed = indexOf(lines.stream()
                .filter(l -> l.endsWith("script.jsh:12: this input failed; going on (--keep-going)"))
                .findFirst()
                .orElseThrow());
        // variables declared before the exit are back, and the next line evaluates
        assertThat(lines.get(failed + 1)).matches("\\$\\d+ ==> 8");
        assertThat(lines.get(failed + 2)).isEqualTo("s2 ==> \"after throw\"");
        assertThat(lines).filteredOn(l -> l.startsWith("The engine")).hasSize(1);
    }

    @Test
    void replayedMethodsWorkInTheNewEngine() {
        assertThat(lines)
                .filteredOn(l -> l.equals("Exception java.lang.StackOverflowError"))
                .hasSize(2);
        assertThat(lines.get(lines.size() - 1)).matches("\\$\\d+ ==> 2");
    }
}
