package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of {@code perfshell run} with broken scripts and command lines (the hardening issue),
 * through {@link Main#execute} as the launcher calls it. Invariants: the exit code means what the
 * README says (0 ok, 1 a script input failed, 2 a usage error); no Java stack trace of perfshell's; every
 * failure is one line naming the culprit (the file, its line, or the option) with a next step; no engine
 * JVM outlives the run.
 *
 * <p>An engine start costs seconds, so the generator splits its inputs. Hundreds of command lines whose
 * fault is visible before an engine is needed run with {@code -R} set to an option the JVM refuses: if
 * perfshell started an engine for one of them, the run says "the engine did not start" and the test
 * fails, so they also prove that the fault was caught early. A few dozen broken script texts need the
 * shell and an engine: {@code perfshell run} runs one at a time, so they share one engine through a
 * driver script that {@code %run}s each (a script's inputs fail the same way there), and two run alone
 * to check the top-level exit code and stop line.
 */
class FuzzRunTest {
    private static final long SEED = 20261201L;
    private static final int BEFORE_ENGINE_CASES = 300;
    private static final int ENGINE_SCRIPTS = 24;
    /** An engine option no JVM accepts: an engine started by mistake fails at once, and says so. */
    private static final List<String> NO_ENGINE = List.of("-R", "-XX:+PerfshellFuzzNoSuchFlag");

    private static final Pattern FAILED_INPUT = Pattern.compile("(.*): this input failed; (going on|stopping).*");

    @Test
    void faultsVisibleBeforeTheEngineAreOneLineUsageErrors(@TempDir Path dir) throws Exception {
        BrokenScripts scripts = new BrokenScripts(SEED);
        long start = System.nanoTime();
        // The first failure of each kind of input, so one run shows every distinct finding.
        java.util.Map<String, String> failures = new java.util.TreeMap<>();
        for (int i = 0; i < BEFORE_ENGINE_CASES; i++) {
            BrokenScripts.Case generated = scripts.beforeTheEngine(dir, i);
            List<String> args = new ArrayList<>(NO_ENGINE);
            args.add("run");
            args.addAll(generated.runArgs());
            ScriptRun run = ScriptRun.piped("", args.toArray(String[]::new));
            String context = "seed " + SEED + ", case " + i + " (" + generated.description() + "): perfshell "
                    + String.join(" ", args) + "\n" + run;
            try {
                checkRefusedEarly(run, generated.culprit(), context);
            } catch (AssertionError e) {
                failures.putIfAbsent(generated.kind(), e.getMessage());
            }
        }
        assertThat(failures)
                .as("inputs that broke an invariant, the first of each kind")
                .isEmpty();
        System.out.printf(
                "perfshell run fuzz: %d command lines (seed %d) in %d ms, each refused before an engine%n",
                BEFORE_ENGINE_CASES, SEED, (System.nanoTime() - start) / 1_000_000);
    }

    private static void checkRefusedEarly(ScriptRun run, String culprit, String context) {
        assertThat(run.err).as(context).doesNotContain("the engine did not start");
        assertThat(run.exitCode).as(context).isEqualTo(2);
        assertThat(run.out).as(context).isEmpty();
        assertNoStackTrace(run.err, context);
        String first = run.err.lines().findFirst().orElse("");
        assertThat(first).as(context).contains(culprit);
        // picocli's own errors are followed by the usage or its suggestions; perfshell's carry their next step on the
        // line.
        if (!run.err.contains("Usage: perfshell run") && !run.err.contains("Possible solutions:")) {
            assertThat(run.err.lines()).as(context).hasSize(1);
            assertThat(first).as(context).containsAnyOf("Next:", "Example:");
        }
    }

    @Test
    void brokenScriptsFailWithTheirFileAndLine(@TempDir Path dir) throws Exception {
        BrokenScripts scripts = new BrokenScripts(SEED + 1);
        List<String> driver = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < ENGINE_SCRIPTS; i++) {
            Path file = dir.resolve("case" + i + ".jsh");
            String body = switch (i) {
                case 0 -> "int a = 1;\n%run " + file + "\n"; // runs itself
                case 1 -> "%run " + dir.resolve("case2.jsh") + "\n"; // case 1 and case 2 run each other
                case 2 -> "%load " + dir.resolve("case1.jsh") + "\n";
                case 3 -> "%load " + file + "\n"; // types itself
                case 4 -> "/open " + file + "\n";
                case 5 -> BrokenScripts.deepExpression(150_000) + "\n1 + 1\n"; // a 300 KB line javac recurses over
                default -> scripts.scriptBody();
            };
            Files.writeString(file, body);
            bodies.add(body);
            driver.add("System.out.println(\"@@case " + i + "\")");
            driver.add("%run --keep-going " + file);
        }
        driver.add("System.out.println(\"@@end\")");
        driver.add("1 + 1 == 2");
        long start = System.nanoTime();
        ScriptRun run = assertTimeoutPreemptively(
                Duration.ofMinutes(3),
                () -> ScriptRun.file(dir, String.join("\n", driver) + "\n", List.of(), "--keep-going"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        String context = "seed " + (SEED + 1) + "\n" + run;

        assertNoStackTrace(run.out + run.err, context);
        assertThat(run.exitCode)
                .as(context)
                .isEqualTo(1); // recursion at least fails; never 2 (a crash of the front end)
        assertThat(run.lines())
                .as("the session still evaluates at the end: " + context)
                .last()
                .asString()
                .endsWith("==> true");
        List<List<String>> segments = segments(run.lines());
        assertThat(segments).as(context).hasSize(ENGINE_SCRIPTS);
        for (int i = 0; i < ENGINE_SCRIPTS; i++) {
            String caseContext = "seed " + (SEED + 1) + ", case" + i + ".jsh:\n" + bodies.get(i) + "\n--- its output\n"
                    + String.join("\n", segments.get(i));
            checkFailuresExplained(segments.get(i), dir, caseContext);
        }
        for (int i = 0; i <= 5; i++) {
            assertThat(segments.get(i))
                    .as("case " + i + " must fail: " + segments.get(i))
                    .anyMatch(l -> FAILED_INPUT.matcher(l).matches());
        }
        assertThat(String.join("\n", segments.get(0)))
                .as("self-recursion is named")
                .contains("already running");
        assertNoEngineLeft();
        System.out.printf("perfshell run fuzz: %d broken scripts in one engine in %d ms%n", ENGINE_SCRIPTS, millis);
    }

    @Test
    void aScriptRunAloneStopsAtItsFailingLineWithExitOne(@TempDir Path dir) throws Exception {
        Path self = dir.resolve("script.jsh");
        ScriptRun recursive = ScriptRun.file(dir, "int a = 1;\n%run " + self + "\nint b = 2;\n", List.of());
        assertNoStackTrace(recursive.out + recursive.err, recursive.toString());
        assertThat(recursive.exitCode).as(recursive.toString()).isEqualTo(1);
        assertThat(recursive.lines())
                .as(recursive.toString())
                .last()
                .isEqualTo(self + ":2: this input failed; stopping. Next: fix it, or run with --keep-going");
        assertThat(recursive.out).doesNotContain("b ==> 2");

        ScriptRun textBlock = ScriptRun.file(dir, "int a = 1;\nString s = \"\"\"\nnever closed\n", List.of());
        assertNoStackTrace(textBlock.out + textBlock.err, textBlock.toString());
        assertThat(textBlock.exitCode).as(textBlock.toString()).isEqualTo(1);
        assertThat(textBlock.lines())
                .as(textBlock.toString())
                .last()
                .isEqualTo(self + ":2: this input failed; stopping. Next: fix it, or run with --keep-going");
        assertNoEngineLeft();
    }

    /**
     * Every failed input said something before its failure line, and the failure names a script file. A
     * failure may follow a nested script's failure (the {@code %run} line failed because its script did),
     * never another failure of the same file with nothing between.
     */
    private static void checkFailuresExplained(List<String> output, Path dir, String context) {
        for (int i = 0; i < output.size(); i++) {
            Matcher m = FAILED_INPUT.matcher(output.get(i));
            if (!m.matches()) continue;
            assertThat(m.group(1)).as(context).matches(Pattern.quote(dir.toString()) + "/(case\\d+|script)\\.jsh:\\d+");
            assertThat(i).as("failed without a word: " + context).isPositive();
            Matcher previous = FAILED_INPUT.matcher(output.get(i - 1));
            assertThat(previous.matches() && file(previous.group(1)).equals(file(m.group(1))))
                    .as("%s failed without a word: %s", m.group(1), context)
                    .isFalse();
        }
    }

    private static String file(String fileAndLine) {
        return fileAndLine.substring(0, fileAndLine.lastIndexOf(':'));
    }

    /** The driver's output cut at its {@code @@case N} markers. */
    private static List<List<String>> segments(List<String> lines) {
        List<List<String>> segments = new ArrayList<>();
        List<String> current = null;
        for (String line : lines) {
            if (line.startsWith("@@case ") || line.equals("@@end")) {
                if (current != null) segments.add(current);
                current = line.equals("@@end") ? null : new ArrayList<>();
            } else if (current != null) {
                current.add(line);
            }
        }
        return segments;
    }

    /** A snippet's own exception shows its trimmed stack; perfshell's code and uncaught errors never do. */
    static void assertNoStackTrace(String output, String context) {
        assertThat(output)
                .as(context)
                .doesNotContain("at dev.perfshell")
                .doesNotContain("Exception in thread")
                .doesNotContain("perfshell bug")
                .doesNotContain("\tat java.base/")
                .doesNotContain("\tat jdk.");
    }

    static void assertNoEngineLeft() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (ProcessHandle.current().descendants().findAny().isPresent() && System.nanoTime() < deadline)
            Thread.sleep(50);
        assertThat(ProcessHandle.current()
                        .descendants()
                        .map(p -> p.info().commandLine().orElse("?"))
                        .toList())
                .as("orphans")
                .isEmpty();
    }
}
