package dev.perfshell.repl.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.link.EngineCommandLine;
import dev.perfshell.repl.link.EngineSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The flags a %jmh run's javac, runner JVM and forks get, from the engine's spec (the shell's own JDK here). */
class JmhCommandLineTest {
    private static EngineSpec spec(List<String> engineOptions, boolean preview, List<String> modules) {
        return new EngineSpec(engineOptions, null, List.of(), preview, modules, false);
    }

    @Test
    void javacGetsPreviewAndModulesOnlyWhenTheEngineHasThem() {
        assertThat(JmhCommandLine.javacOptions(spec(List.of(), false, List.of())))
                .isEmpty();
        assertThat(JmhCommandLine.javacOptions(spec(List.of(), true, List.of("jdk.incubator.vector"))))
                .containsExactly(
                        "--enable-preview",
                        "--release",
                        String.valueOf(Runtime.version().feature()),
                        "--add-modules=jdk.incubator.vector");
    }

    @Test
    void theRunnerStartsQuicklyAndRunsJmhHostOnTheRunPath() {
        List<String> command = JmhCommandLine.runner(spec(List.of("-Xmx1g"), false, List.of()), List.of("a", "b"));
        assertThat(command.get(0)).endsWith("java");
        assertThat(command).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djmh.blackhole.mode=COMPILER");
        assertThat(command).doesNotContain("-Xmx1g"); // the engine's options are the forks', not the runner's
        assertThat(command.subList(command.size() - 3, command.size()))
                .containsExactly("-cp", "a" + java.io.File.pathSeparator + "b", "dev.perfshell.timing.runtime.JmhHost");
    }

    @Test
    void theForksGetTheEnginesOptionsThenTheUsersFlags() {
        List<String> args = JmhCommandLine.forkJvmArgs(
                spec(List.of("-Xmx1g"), true, List.of()), null, "  -XX:+UseParallelGC  -Xss2m ");
        assertThat(args.get(0)).isEqualTo("-Dfile.encoding=UTF-8");
        assertThat(args).contains("--enable-preview").doesNotContain(EngineCommandLine.TIER3_WHILE_C2_BUSY);
        assertThat(args.subList(args.size() - 3, args.size()))
                .containsExactly("-Xmx1g", "-XX:+UseParallelGC", "-Xss2m");
    }

    @Test
    void theResetAgentComesWithTier3WhileC2IsBusy() {
        List<String> args = JmhCommandLine.forkJvmArgs(spec(List.of(), false, List.of()), "/lib/runtime.jar", " ");
        assertThat(args.subList(0, 3))
                .containsExactly(
                        "-Dfile.encoding=UTF-8", "-javaagent:/lib/runtime.jar", EngineCommandLine.TIER3_WHILE_C2_BUSY);
        assertThat(args).doesNotContain("", " ");
    }
}
