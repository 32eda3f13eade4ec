package dev.perfshell.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class RequiredModulesTest {
    @Test
    void aFullJdkHasNoProblem() {
        assertThat(RequiredModules.problem(name -> true, "/jdk/bin/java", "17.0.2"))
                .isEmpty();
    }

    @Test
    void aRuntimeWithoutJShellAndJdiIsNamedInOneLine() {
        Set<String> jre = Set.of("java.base", "java.logging", "java.sql");
        assertThat(RequiredModules.problem(jre::contains, "/jre/bin/java", "17.0.2"))
                .hasValueSatisfying(line -> assertThat(line)
                        .isEqualTo("needs a full JDK; /jre/bin/java (17.0.2) has no jdk.jshell and jdk.jdi (a JRE?). "
                                + "Next: set JAVA_HOME to a JDK 17+.")
                        .doesNotContain("\n"));
    }

    @Test
    void onlyTheMissingModuleIsNamed() {
        assertThat(RequiredModules.problem(name -> !name.equals("jdk.jdi"), "/x/bin/java", "21"))
                .hasValueSatisfying(
                        line -> assertThat(line).contains("has no jdk.jdi (").doesNotContain("jdk.jshell"));
    }

    @Test
    void thisTestRuntimeHasBoth() {
        assertThat(RequiredModules.problemOfThisRuntime()).isEmpty();
    }
}
