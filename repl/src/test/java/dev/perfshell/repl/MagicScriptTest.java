package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.magic.MagicRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The magic framework and the jshell commands end to end inside this JVM: one script, one real
 * engine JVM ({@code perfshell run script.jsh --keep-going}), many checks on its output.
 */
class MagicScriptTest {
    private static final String TIME = "[0-9.]+ (s|ms|\u00b5s|ns)";
    private static final String SCRIPT = String.join(
            "\n",
            "int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }", // 1
            "%timit fib(5)", // 2 fails
            "int counter = 0;", // 3
            "%time --bogus counter++", // 4 fails
            "counter", // 5
            "%time fib(20)", // 6
            "%%time", // 7
            "int q = fib(10);", // 8
            "long w = 5;", // 9
            "", // 10
            "q + w", // 11
            "%time -o t fib(3)", // 12
            "t instanceof dev.perfshell.timing.runtime.OnceTiming", // 13
            "String m1 = \"vars\";", // 14
            "/vars", // 15
            "String m2 = \"who\";", // 16
            "%who", // 17
            "String m3 = \"list\";", // 18
            "/list", // 19
            "String m4 = \"history\";", // 20
            "%history -n 3", // 21
            "/drop q", // 22
            "String m5 = \"after drop\";", // 23
            "/list", // 24
            "%classpath add /no/such/file.jar", // 25 fails
            "String m6 = \"lsmagic\";", // 26
            "%lsmagic", // 27
            "String m7 = \"help\";", // 28
            "%help time", // 29
            "String m8 = \"time --help\";", // 30
            "%time --help", // 31
            "String m9 = \"end\";", // 32
            "");

    private static ScriptRun run;
    private static List<String> lines;

    @BeforeAll
    static void runScript(@TempDir Path dir) throws Exception {
        run = ScriptRun.file(dir, SCRIPT, List.of(), "--keep-going");
        lines = run.lines();
    }

    private static int indexOf(String line) {
        int i = lines.indexOf(line);
        assertThat(i).as("line '%s' in\n%s", line, run).isGreaterThanOrEqualTo(0);
        return i;
    }

    private static int indexMatching(String regex, int from) {
        for (int i = from; i < lines.size(); i++) if (lines.get(i).matches(regex)) return i;
        throw new AssertionError("no line matching " + regex + " after line " + from + " in\n" + run);
    }

    @Test
    void exitCodeOneAndOnlyTheFailingLinesFail() {
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        Pattern failure = Pattern.compile(".*script\\.jsh:(\\d+): this input failed; going on \\(--keep-going\\)");
        List<Integer> failed = lines.stream()
                .map(failure::matcher)
                .filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1)))
                .toList();
        assertThat(failed).as(run.toString()).containsExactly(2, 4, 25);
    }

    @Test
    void unknownMagicSuggestsTheClosestName() {
        int i = indexOf("Unknown magic %timit. Did you mean %timeit?");
        assertThat(lines.get(i + 1)).endsWith("script.jsh:2: this input failed; going on (--keep-going)");
    }

    @Test
    void badOptionPrintsOneLineAndRunsNothing() {
        int i = indexOf(
                "%time: Unknown option: '--bogus' (put -- before code that starts with '-'). Next: %time --help lists the options.");
        int failure = indexMatching(".*script\\.jsh:4: this input failed.*", i);
        assertThat(failure).as("one line, then the script's failure line").isEqualTo(i + 1);
        assertThat(lines.subList(i + 1, failure)).noneMatch(l -> l.startsWith("CPU times"));
        assertThat(lines.get(failure + 1)).isEqualTo("counter ==> 0");
    }

    @Test
    void timePrintsCpuThenWallThenTheValue() {
        int cpu = indexMatching("CPU times: user " + TIME + ", sys: " + TIME + ", total: " + TIME, 0);
        assertThat(lines.get(cpu + 1)).matches("Wall time: " + TIME);
        assertThat(lines.get(cpu + 2)).matches("Engine CPU: " + TIME + " \\(all engine threads: JIT, GC, workers\\)");
        assertThat(lines.get(cpu + 3)).matches("GC: (none|\\d+ collections?, " + TIME + ")");
        int value = indexMatching("\\$\\d+ ==> 6765", cpu);
        assertThat(value - cpu).isBetween(4, 5); // optional "Compiler : ..." line
        if (value - cpu == 5) assertThat(lines.get(cpu + 4)).matches("Compiler : " + TIME);
        // the value comes once, after the figures
        assertThat(lines.stream().filter(l -> l.matches("\\$\\d+ ==> 6765"))).hasSize(1);
    }

    @Test
    void cellTimeKeepsItsDeclarations() {
        int q = indexOf("q ==> 55");
        assertThat(lines.get(q + 1)).isEqualTo("w ==> 5");
        assertThat(lines.subList(q - 4, q)).anyMatch(l -> l.startsWith("Wall time: "));
        assertThat(lines.get(q + 2)).matches("\\$\\d+ ==> 60");
    }

    @Test
    void timeDashOBindsARecord() {
        int bound = indexMatching(
                "t ==> OnceTiming\\[wallNanos=\\d+, userNanos=\\d+, systemNanos=\\d+, processCpuNanos=\\d+, "
                        + "gcCount=\\d+, gcMillis=\\d+, compileNanos=\\d+\\]",
                0);
        assertThat(lines.subList(bound - 5, bound)).anyMatch(l -> l.startsWith("Wall time: "));
        indexMatching("\\$\\d+ ==> 2", bound - 6);
        int check = indexMatching("\\$\\d+ ==> true", bound);
        assertThat(check).isLessThan(indexOf("m1 ==> \"vars\""));
    }

    private static List<String> section(String marker, String nextMarkerPrefix) {
        int from = indexOf(marker);
        int to = indexMatching(Pattern.quote(nextMarkerPrefix) + ".*", from + 1);
        return lines.subList(from + 1, to);
    }

    @Test
    void varsListsTypesNamesAndValues() {
        List<String> vars = section("m1 ==> \"vars\"", "m2 ==>");
        assertThat(vars).contains("int counter = 0", "int q = 55", "long w = 5", "String m1 = \"vars\"");
        assertThat(vars)
                .anyMatch(l -> l.startsWith("dev.perfshell.timing.runtime.OnceTiming t = OnceTiming[wallNanos="));
        assertThat(vars).noneMatch(l -> l.contains("fib"));
    }

    @Test
    void whoIsVars() {
        List<String> vars = section("m1 ==> \"vars\"", "m2 ==>");
        List<String> who = section("m2 ==> \"who\"", "m3 ==>");
        assertThat(who)
                .containsExactlyElementsOf(
                        java.util.stream.Stream.concat(vars.stream(), java.util.stream.Stream.of("String m2 = \"who\""))
                                .toList());
    }

    @Test
    void listShowsActiveSnippetsWithIdsInOrder() {
        List<String> list = section("m3 ==> \"list\"", "m4 ==>");
        assertThat(list).allMatch(l -> l.matches("\\s*\\d+ : .*"), "every line is 'ID : source'");
        List<String> sources =
                list.stream().map(l -> l.substring(l.indexOf(" : ") + 3)).toList();
        assertThat(sources)
                .containsSubsequence(
                        "int fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }",
                        "int counter = 0;",
                        "counter",
                        "fib(20)",
                        "int q = fib(10);",
                        "long w = 5;",
                        "q + w",
                        "fib(3)",
                        "t instanceof dev.perfshell.timing.runtime.OnceTiming",
                        "String m3 = \"list\";");
        assertThat(sources).noneMatch(s -> s.startsWith("%") || s.startsWith("/"));
        assertThat(sources).noneMatch(s -> s.contains("counter++"));
        List<Integer> ids = list.stream()
                .map(l -> Integer.parseInt(l.substring(0, l.indexOf(" : ")).strip()))
                .toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void historyNumbersEveryInputIncludingMagicsAndCommands() {
        int i = indexOf("m4 ==> \"history\"");
        assertThat(lines.subList(i + 1, i + 4))
                .containsExactly(" 16: /list", " 17: String m4 = \"history\";", " 18: %history -n 3");
    }

    @Test
    void dropRemovesTheSnippetFromTheList() {
        int dropped = indexMatching("dropped #\\d+", indexOf("m4 ==> \"history\""));
        assertThat(lines.get(dropped + 1)).isEqualTo("m5 ==> \"after drop\"");
        List<String> list = section("m5 ==> \"after drop\"", "%classpath");
        assertThat(list).noneMatch(l -> l.endsWith("int q = fib(10);"));
        assertThat(list).anyMatch(l -> l.endsWith(" : long w = 5;"));
        String id = lines.get(dropped).substring("dropped #".length());
        assertThat(section("m3 ==> \"list\"", "m4 ==>")).contains(String.format("%4s : int q = fib(10);", id));
    }

    @Test
    void classpathAddOfAMissingFileIsOneErrorLine() {
        int i = indexOf(
                "%classpath: no such file or folder: /no/such/file.jar. Next: check the path (Tab completes file names).");
        assertThat(lines.get(i + 1)).endsWith("script.jsh:25: this input failed; going on (--keep-going)");
        assertThat(lines.get(i + 2)).isEqualTo("m6 ==> \"lsmagic\"");
    }

    @Test
    void lsmagicListsMagicsInRegistryOrder() {
        List<String> section = section("m6 ==> \"lsmagic\"", "m7 ==>");
        assertThat(section.get(0))
                .isEqualTo("Magics (%name --help for options; %%name for the cell form where shown):");
        List<String> names = section.stream()
                .filter(l -> l.startsWith("  %"))
                .map(l -> l.substring(3).split("\\s+")[0])
                .toList();
        // every magic, in the registry's order (MagicRegistryTest names them)
        assertThat(names)
                .containsExactlyElementsOf(
                        dev.perfshell.repl.magic.MagicRegistry.standard().names());
        assertThat(section)
                .contains(
                        "  %time       Run code once: CPU (user, sys), wall time, engine CPU and GC, then its value.  [%%time]",
                        "  %lsmagic    List the magics.");
        assertThat(section.get(section.size() - 1)).startsWith("Commands: /vars ");
    }

    @Test
    void helpAndDashDashHelpPrintTheUsageTheManualShows() {
        List<String> expected = MagicRegistry.standard()
                .usage("time", false)
                .orElseThrow()
                .lines()
                .toList();
        List<String> help = section("m7 ==> \"help\"", "m8 ==>");
        assertThat(help.get(0)).isEqualTo("Usage: %time [-h] [-o[=NAME]] CODE");
        assertThat(help).anyMatch(l -> l.strip().startsWith("-o, --bind[=NAME]"));
        assertThat(help).isEqualTo(expected);
        assertThat(section("m8 ==> \"time --help\"", "m9 ==>")).isEqualTo(expected);
    }

    @Test
    void nothingOnStandardError() {
        assertThat(run.err).isEmpty();
    }
}
