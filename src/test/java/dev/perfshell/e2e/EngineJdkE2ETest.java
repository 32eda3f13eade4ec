package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.perfshell.e2e.Perfshell.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --engine-jdk}: snippets compile in the shell's JDK 17 and run on another JDK. */
class EngineJdkE2ETest {
    static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    @TempDir
    Path home;
    @TempDir
    Path work;

    @Test
    void engineRunsOnTemurin25() throws Exception {
        assumeTrue(Files.isDirectory(TEMURIN_25), TEMURIN_25 + " is not installed");
        Result r = Perfshell.runScript(home, work, "jdk25.jsh", """
                String v = System.getProperty("java.version");
                v.startsWith("25")
                Runtime.version().feature()
                %env
                """, "--engine-jdk", TEMURIN_25.toString());
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).as(r.toString())
                .containsPattern("v ==> \"25[.\"]")
                .contains("$1 ==> true")
                .contains("$2 ==> 25")
                .containsPattern("Java home\\s+" + java.util.regex.Pattern.quote(TEMURIN_25.toString()));
    }
}
