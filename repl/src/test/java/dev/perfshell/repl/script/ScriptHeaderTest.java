package dev.perfshell.repl.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScriptHeaderTest {
    @Test
    void classPathIsRelativeToTheScriptAndEngineOptionsKeepTheirOrder(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lib/classes"));
        Files.writeString(dir.resolve("lib/a.jar"), "");
        Path script = dir.resolve("bench.jsh");
        ScriptHeader header = ScriptHeader.parse(
                List.of(
                        "//CLASSPATH lib/a.jar:lib/classes",
                        "//ENGINE -Xmx2g \"-Dname=two words\"",
                        "// ENGINE -Xmx1g is an ordinary comment",
                        "//ENGINEER is one too",
                        "int a = 1;",
                        "//ENGINE -XX:+UseParallelGC"),
                script);
        assertThat(header.problems()).isEmpty();
        assertThat(header.classPath())
                .containsExactly(
                        dir.resolve("lib/a.jar").toString(),
                        dir.resolve("lib/classes").toString());
        assertThat(header.engineOptions()).containsExactly("-Xmx2g", "-Dname=two words", "-XX:+UseParallelGC");
    }

    @Test
    void badDirectivesNameTheFileLineAndProblem(@TempDir Path dir) {
        Path script = dir.resolve("bench.jsh");
        ScriptHeader header = ScriptHeader.parse(
                List.of("//CLASSPATH missing.jar", "//ENGINE Xmx2g", "//ENGINE", "//CLASSPATH"), script);
        assertThat(header.problems())
                .containsExactly(
                        script + ":1: //CLASSPATH entry not found: missing.jar (looked for "
                                + dir.resolve("missing.jar") + ")",
                        script + ":2: //ENGINE takes JVM options starting with '-', got 'Xmx2g'",
                        script + ":3: //ENGINE names no JVM option. Example: //ENGINE -Xmx2g",
                        script + ":4: //CLASSPATH names no jar or folder. Example: //CLASSPATH lib/guava.jar");
    }

    @Test
    void depsTakeCoordinatesSeparatedBySpacesOrCommasInOrderWithoutRepeats(@TempDir Path dir) {
        ScriptHeader header = ScriptHeader.parse(
                List.of(
                        "//DEPS com.google.code.gson:gson:2.11.0",
                        "// DEPS org.example:ignored:1.0 is an ordinary comment",
                        "//DEPSX org.example:ignored:1.0 too",
                        "int a = 1;",
                        "//DEPS org.apache.commons:commons-lang3:3.17.0,  org.ow2.asm:asm:9.7.1 com.google.code.gson:gson:2.11.0"),
                dir.resolve("bench.jsh"));
        assertThat(header.problems()).isEmpty();
        assertThat(header.deps())
                .extracting(Object::toString)
                .containsExactly(
                        "com.google.code.gson:gson:2.11.0",
                        "org.apache.commons:commons-lang3:3.17.0",
                        "org.ow2.asm:asm:9.7.1");
        assertThat(header.isEmpty()).isFalse();
    }

    @Test
    void badDepsNameTheFileLineAndTheCoordinate(@TempDir Path dir) {
        Path script = dir.resolve("bench.jsh");
        ScriptHeader header =
                ScriptHeader.parse(List.of("//DEPS", "//DEPS gson", "//DEPS com.google.code.gson:gson:LATEST"), script);
        assertThat(header.problems())
                .containsExactly(
                        script + ":1: //DEPS names no artifact. Example: //DEPS com.google.code.gson:gson:2.11.0",
                        script
                                + ":2: //DEPS 'gson' is not a Maven coordinate: expected GROUP:ARTIFACT:VERSION. Example: com.google.code.gson:gson:2.11.0",
                        script
                                + ":3: //DEPS 'com.google.code.gson:gson:LATEST': 'LATEST' is not one version (ranges, LATEST and RELEASE "
                                + "are not taken). Next: name the exact version, e.g. com.google.code.gson:gson:2.11.0");
        assertThat(header.deps()).isEmpty();
    }

    @Test
    void aScriptWithoutDirectivesHasAnEmptyHeader(@TempDir Path dir) {
        assertThat(ScriptHeader.parse(List.of("int a = 1;", "// a comment"), dir.resolve("x.jsh"))
                        .isEmpty())
                .isTrue();
    }
}
