package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.maven.FakeRepository;
import dev.perfshell.repl.maven.FakeRepository.Dep;
import dev.perfshell.repl.maven.MavenConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %maven} and {@code //DEPS} in real sessions, against a {@code file://} repository made here (no network):
 * the jars reach the compiler and the engine, survive an engine restart, and failures are one line each.
 */
class MavenScriptTest {
    private static Path dir;
    private static Path local;
    private static FakeRepository remote;
    private static Map<String, String> env;
    private static ScriptRun run;

    @BeforeAll
    static void runScript(@TempDir Path folder) throws Exception {
        dir = folder;
        local = dir.resolve("local-repo");
        remote = new FakeRepository(Files.createDirectories(dir.resolve("remote")))
                .publish("org.example:words:2.0", Map.of("org.example.words.Words", """
                        package org.example.words;
                        public class Words { public static String hello() { return "hello"; } }
                        """))
                .publish(
                        "org.example:greeter:1.0",
                        Map.of("org.example.greeter.Greeter", """
                        package org.example.greeter;
                        public class Greeter {
                            public static String greet(String name) { return org.example.words.Words.hello() + ", " + name; }
                        }
                        """),
                        Dep.compile("org.example:words:2.0"))
                .publish("org.example:greeter:1.1", Dep.compile("org.example:words:2.0"));
        env = Map.of(
                MavenConfig.LOCAL_ENV,
                local.toString(),
                MavenConfig.REMOTE_ENV,
                remote.url(),
                "PERFSHELL_HOME",
                dir.resolve("home").toString());
        Files.writeString(
                dir.resolve("part.jsh"),
                "//DEPS org.example:greeter:1.0\nString fromRun = org.example.greeter.Greeter.greet(\"run\");\n");
        run = ScriptRun.file(
                env,
                dir,
                String.join(
                        "\n",
                        "%maven", // 1
                        "%maven org.example:greeter:1.0", // 2
                        "String g = org.example.greeter.Greeter.greet(\"perf\");", // 3
                        "%timeit -r 3 --budget 0.3 org.example.greeter.Greeter.greet(g)", // 4
                        "System.exit(3)", // 5 fails: the engine exits
                        "org.example.greeter.Greeter.greet(\"after restart\")", // 6
                        "%maven org.example:greeter:1.0", // 7 nothing new
                        "%maven org.example:greeter:1.1", // 8 fails: another version
                        "%maven org.nosuch:nosuch:1.0", // 9 fails: not found
                        "%maven gson", // 10 fails: malformed
                        "%run " + dir + "/part.jsh", // 11 //DEPS already there
                        "fromRun", // 12
                        "%maven", // 13
                        ""),
                List.of(),
                "--keep-going");
    }

    @Test
    void theJarsReachTheCompilerTheEngineAndTimeit() {
        assertThat(run.out)
                .as(run.toString())
                .contains("Added 2 jars (1 requested + 1 dependency; 2 downloaded from " + remote.url() + ", ");
        assertThat(run.lines())
                .as(run.toString())
                .anyMatch(l -> l.matches("  org\\.example:greeter:1\\.0  greeter-1\\.0\\.jar  +\\d+ B"))
                .anyMatch(l -> l.matches("  org\\.example:words:2\\.0    words-2\\.0\\.jar    +\\d+ B"))
                .contains("Local repository: " + local);
        assertThat(run.value("g")).isEqualTo("\"hello, perf\"");
        assertThat(run.lines()).as(run.toString()).anyMatch(l -> l.contains(" per loop (mean ± std. dev. of 3 runs"));
        assertThat(Files.isRegularFile(local.resolve("org/example/greeter/1.0/greeter-1.0.jar")))
                .isTrue();
    }

    @Test
    void theJarsSurviveAnEngineRestart() {
        assertThat(run.out).as(run.toString()).contains("The engine exited with code 3.");
        assertThat(run.lines()).as(run.toString()).anyMatch(l -> l.matches("\\$\\d+ ==> \"hello, after restart\""));
    }

    @Test
    void failuresAreOneLineEachAndTheSessionGoesOn() {
        assertThat(run.out)
                .as(run.toString())
                .contains("org.example:greeter:1.0 and its dependencies are already on the class path; nothing added.")
                .contains(
                        "%maven: org.example:greeter:1.1 conflicts with version 1.0 already on the class path "
                                + "(a jar cannot be removed from a running session). Next: use 1.0, or restart perfshell for 1.1.")
                .contains(
                        "%maven: org.nosuch:nosuch:1.0 was not found in " + remote.url()
                                + ". Next: check the group, artifact and version (a typo, or a version that was never published).")
                .contains(
                        "%maven: 'gson' is not a Maven coordinate: expected GROUP:ARTIFACT:VERSION. Example: com.google.code.gson:gson:2.11.0");
        assertThat(run.failedLines()).as(run.toString()).containsExactly(5, 8, 9, 10);
        assertThat(run.out).doesNotContain("Exception").doesNotContain("SLF4J");
        assertThat(run.err).doesNotContain("SLF4J");
    }

    @Test
    void runHonoursDepsAndNoArgumentsListsWhatWasAdded() {
        assertThat(run.value("fromRun")).isEqualTo("\"hello, run\"");
        assertThat(run.lines())
                .as(run.toString())
                .contains(
                        "No artifacts added by %maven in this session. Example: %maven com.google.code.gson:gson:2.11.0");
        List<String> listed = run.between("Added by %maven in this session (2 jars):", "$");
        assertThat(listed)
                .as(run.toString())
                .containsExactly(
                        "  org.example:greeter:1.0  " + local.resolve("org/example/greeter/1.0/greeter-1.0.jar"),
                        "  org.example:words:2.0    " + local.resolve("org/example/words/2.0/words-2.0.jar"));
    }

    @Test
    void perfshellRunResolvesDepsBeforeTheEngineStarts(@TempDir Path other) throws Exception {
        ScriptRun deps = ScriptRun.file(
                env, other, "//DEPS org.example:greeter:1.0\norg.example.greeter.Greeter.greet(\"deps\")\n", List.of());
        assertThat(deps.exitCode).as(deps.toString()).isZero();
        assertThat(deps.out)
                .as(deps.toString())
                .contains("Added 2 jars (1 requested + 1 dependency; all from the local repository)")
                .contains("==> \"hello, deps\"");

        ScriptRun missing = ScriptRun.file(env, other, "//DEPS org.example:nope:1.0\nint never = 1;\n", List.of());
        assertThat(missing.exitCode).as(missing.toString()).isEqualTo(1);
        assertThat(missing.out)
                .as(missing.toString())
                .contains(
                        other.resolve("script.jsh") + ": //DEPS: org.example:nope:1.0 was not found in " + remote.url())
                .doesNotContain("never ==>");
    }
}
