package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code %save}, {@code %run}, {@code %load} and script headers, in one script on one real engine. */
class SessionFilesScriptTest {
    private static Path dir;
    private static ScriptRun run;

    @BeforeAll
    static void runScript(@TempDir Path folder) throws Exception {
        dir = folder;
        Files.createDirectories(dir.resolve("lib/classes/demo"));
        // A class on the //CLASSPATH of the script that %run runs, compiled here.
        Path source = dir.resolve("Greeting.java");
        Files.writeString(
                source,
                "package demo; public class Greeting { public static String hi() { return \"hi from the class path\"; } }");
        javax.tools.ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-d", dir.resolve("lib/classes").toString(), source.toString());
        Files.writeString(
                dir.resolve("lib/part.jsh"),
                String.join(
                        "\n",
                        "//CLASSPATH classes",
                        "//ENGINE -Xmx300m",
                        "int fromRun = base + 2;",
                        "%time fromRun++",
                        "String greeting = demo.Greeting.hi();",
                        ""));
        Files.writeString(
                dir.resolve("typed.jsh"), "int typedA = 1;\nint typedB = typedA + 1;\nint typedBad = nope;\n");
        String d = dir.toString();
        run = ScriptRun.file(
                dir,
                String.join(
                        "\n",
                        "int base = 40;", // 1   history 1
                        "int broken = nope;", // 2   history 2, fails
                        "%%time", // 3   history 3
                        "int s = 0;",
                        "for (int i = 0; i < 10; i++) s += i;",
                        "%%end",
                        "",
                        "%save " + d + "/all.jsh", // 8   history 4
                        "%save " + d + "/all.jsh", // 9   history 5, fails: exists
                        "%save -f " + d + "/one.jsh 1", // 10  history 6
                        "%save " + d + "/bad.jsh 99", // 11  history 7, fails
                        "%run " + d + "/lib/part.jsh", // 12  history 8
                        "fromRun", // 13  history 9
                        "greeting", // 14  history 10
                        "%run " + d + "/missing.jsh", // 15  history 11, fails
                        "%load " + d + "/typed.jsh", // 16  history 12 (fails: one input failed), 13-15
                        "typedB", // 17  history 16
                        "%history -n", // 18
                        ""),
                List.of(),
                "--keep-going");
    }

    @Test
    void saveWritesARunnableScriptWithoutTheFailedInputs() throws Exception {
        assertThat(run.out).contains("Saved 2 inputs to " + dir + "/all.jsh (left out 1 that failed).");
        // The cell keeps the %%end it was typed with.
        assertThat(Files.readString(dir.resolve("all.jsh"), StandardCharsets.UTF_8))
                .isEqualTo(String.join(
                        "\n",
                        "int base = 40;",
                        "",
                        "%%time",
                        "int s = 0;",
                        "for (int i = 0; i < 10; i++) s += i;",
                        "%%end",
                        "",
                        ""));
        assertThat(Files.readString(dir.resolve("one.jsh"))).isEqualTo("int base = 40;\n\n");
        ScriptRun again = ScriptRun.piped("", "run", dir.resolve("all.jsh").toString());
        assertThat(again.exitCode).as(again.toString()).isZero();
        assertThat(again.out).contains("base ==> 40").contains("Wall time:");
    }

    @Test
    void saveRefusesToOverwriteAndBadRanges() {
        assertThat(run.out)
                .contains("%save: " + dir + "/all.jsh exists. Next: %save -f " + dir + "/all.jsh to overwrite it.");
        assertThat(run.out)
                .contains(
                        "%save: '99' is not an input number or range of 1-6. Next: %history -n shows the numbers; e.g. %save "
                                + dir + "/bad.jsh 2-5 7");
        assertThat(Files.exists(dir.resolve("bad.jsh"))).isFalse();
        assertThat(run.failedLines()).containsExactly(2, 9, 11, 15, 16);
    }

    @Test
    void runRunsAScriptInThisSessionWithItsClassPath() {
        // Declared by the script as 42, then %time ran fromRun++ once.
        assertThat(run.lines()).containsSubsequence("fromRun ==> 42", "fromRun ==> 43");
        assertThat(run.value("greeting")).isEqualTo("\"hi from the class path\"");
        assertThat(run.out)
                .contains(dir
                        + "/lib/part.jsh asks for engine options -Xmx300m that this session's engine was not started with;"
                        + " they are not applied. Next: perfshell run " + dir
                        + "/lib/part.jsh, or start perfshell with -R -Xmx300m");
        assertThat(run.out)
                .contains(
                        "%run: cannot read " + dir + "/missing.jsh. Next: check the path (Tab completes file names).");
    }

    @Test
    void loadShowsEachInputAsTypedAndRunsThemAll() {
        List<String> lines = run.lines();
        int a = lines.indexOf("perf> int typedA = 1;");
        assertThat(a).as(run.toString()).isPositive();
        assertThat(lines.get(a + 1)).isEqualTo("typedA ==> 1");
        assertThat(lines.get(a + 2)).isEqualTo("perf> int typedB = typedA + 1;");
        assertThat(run.out).contains("%load: 1 of 3 inputs from " + dir + "/typed.jsh failed (shown above).");
        assertThat(run.value("typedB")).isEqualTo("2");
    }

    @Test
    void historyHasTheRunLineButNotTheScriptsInputsAndHasTheLoadedOnes() {
        List<String> lines = run.lines();
        int first = lines.indexOf("  1: int base = 40;");
        assertThat(first).as(run.toString()).isPositive();
        List<String> history = lines.subList(first, lines.size());
        assertThat(history)
                .contains(
                        "  8: %run " + dir + "/lib/part.jsh",
                        " 13: int typedA = 1;",
                        " 14: int typedB = typedA + 1;",
                        " 16: typedB",
                        " 17: %history -n");
        assertThat(String.join("\n", history)).doesNotContain("int fromRun");
    }
}
