package dev.perfshell.repl.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JmhJarsTest {
    @Test
    void theBenchmarkSeesJmhsRunnerThenPerfshellsRuntimeThenTheUsersClassPath() {
        JmhJars jars = new JmhJars(List.of("jmh-core.jar", "jopt.jar"), List.of("annprocess.jar"), "runtime.jar");
        assertThat(jars.benchmarkClassPath(List.of("mine.jar")))
                .containsExactly("jmh-core.jar", "jopt.jar", "runtime.jar", "mine.jar");
    }
}
