package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What fuzzing {@code perfshell run} found ({@link FuzzRunTest}), each kept as a case. */
class FuzzFindingsRunTest {
    /** An engine option no JVM accepts: these faults must be found before an engine is needed. */
    private static final String[] NO_ENGINE = {"-R", "-XX:+PerfshellFuzzNoSuchFlag"};

    private static ScriptRun runWithoutEngine(String... runArgs) {
        String[] args = new String[NO_ENGINE.length + 1 + runArgs.length];
        System.arraycopy(NO_ENGINE, 0, args, 0, NO_ENGINE.length);
        args[NO_ENGINE.length] = "run";
        System.arraycopy(runArgs, 0, args, NO_ENGINE.length + 1, runArgs.length);
        return ScriptRun.piped("", args);
    }

    /** A script that is not UTF-8 said only "perfshell: Input length = 1": no file, no line, no way out. */
    @Test
    void aScriptThatIsNotUtf8NamesItsLine(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("latin1.jsh");
        Files.write(script, "int a = 1;\n// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        ScriptRun run = runWithoutEngine(script.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err.strip())
                .isEqualTo("perfshell run: " + script + ":2: not UTF-8 text (byte 0xE9, column 7)."
                        + " Next: save the script as UTF-8 (e.g. iconv -f ISO-8859-1 -t UTF-8)");
    }

    /** A folder given as the script started an engine, then failed to read it with exit 1 (a script failure) and no next step. */
    @Test
    void aFolderIsAUsageError(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("bench.jsh"));
        ScriptRun run = runWithoutEngine(folder.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err.strip())
                .isEqualTo("perfshell run: " + folder + " is a folder, not a script. Next: name a .jsh file.");
    }

    /** A NUL byte in a //CLASSPATH entry escaped as "perfshell: Nul character not allowed" with exit 1. */
    @Test
    void aClassPathEntryThatIsNoPathNamesItsLine(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("nul.jsh"), "int a = 1;\n//CLASSPATH lib/a\u0000.jar\n");
        ScriptRun run = runWithoutEngine(script.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err.strip())
                .isEqualTo("perfshell run: " + script + ":2: //CLASSPATH entry is not a valid path: lib/a\\u0000.jar"
                        + " (Nul character not allowed). Next: fix the line.");
    }

    /** "//CLASSPATH ::" and "//DEPS ,," named nothing and were silently ignored, where an empty line is an error. */
    @Test
    void headerLinesOfSeparatorsAloneNameNothing(@TempDir Path dir) throws Exception {
        Path classPath = Files.writeString(dir.resolve("cp.jsh"), "//CLASSPATH : :\nint a = 1;\n");
        ScriptRun run = runWithoutEngine(classPath.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err.strip())
                .isEqualTo("perfshell run: " + classPath + ":1: //CLASSPATH names no jar or folder. "
                        + "Example: //CLASSPATH lib/guava.jar. Next: fix the line.");
        Path deps = Files.writeString(dir.resolve("deps.jsh"), "int a = 1;\n//DEPS ,,\n");
        run = runWithoutEngine(deps.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
        assertThat(run.err.strip()).startsWith("perfshell run: " + deps + ":2: //DEPS names no artifact.");
    }

    /**
     * Found in one engine run (they need the shell): a script that runs itself (directly, through another,
     * or by %load) nested until a StackOverflowError ended perfshell with a stack trace; so did one line of
     * 150,000 chained '+' (javac recurses over it). Now each is one failed input, and the session goes on;
     * a %run script that is not UTF-8 was called a perfshell bug.
     */
    @Test
    void recursionDeepInputsAndBadBytesAreFailedInputs(@TempDir Path dir) throws Exception {
        Path self = Files.writeString(dir.resolve("self.jsh"), "int a = 1;\n%run " + dir.resolve("self.jsh") + "\n");
        Path ping = dir.resolve("ping.jsh");
        Path pong = Files.writeString(dir.resolve("pong.jsh"), "%load " + ping + "\n");
        Files.writeString(ping, "%run " + pong + "\n");
        Path deep = Files.writeString(
                dir.resolve("deep.jsh"), "int deep = 1" + "+1".repeat(150_000) + ";\nint after = 2;\n");
        Path latin1 = Files.write(dir.resolve("latin1.jsh"), "// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        String script = String.join(
                "\n", "%run " + self, "%run " + ping, "%run --keep-going " + deep, "%run " + latin1, "after + a", "");
        ScriptRun run = ScriptRun.file(dir, script, List.of(), "--keep-going");
        String all = run.out + run.err;
        FuzzRunTest.assertNoStackTrace(all, run.toString());
        assertThat(run.exitCode).as(run.toString()).isEqualTo(1);
        assertThat(run.out)
                .as(run.toString())
                .contains(self + " is already running (self.jsh → self.jsh): a script that runs itself never ends. "
                        + "Next: remove the line that runs it again.")
                .contains(ping + " is already running (ping.jsh → pong.jsh → ping.jsh)")
                .contains("This input is nested too deeply for the Java compiler (300013 characters, 1 lines). "
                        + "Next: split it into smaller statements or methods.")
                .contains(deep + ":1: this input failed; going on")
                .contains("%run: " + latin1 + ":1: not UTF-8 text (byte 0xE9, column 7).");
        assertThat(run.failedLines()).as(run.toString()).containsExactly(1, 2, 3, 4);
        assertThat(run.lines()).last().asString().endsWith("==> 3");
        FuzzRunTest.assertNoEngineLeft();
    }
}
