package dev.perfshell.repl.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.maven.FakeRepository.Dep;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a session keeps of {@code %maven}: each jar once, one version of a library, and the lines it prints. */
class MavenArtifactsTest {
    @Test
    void aDependencyInAnotherVersionKeepsTheEarlierOneWithAWarning(@TempDir Path remoteDir, @TempDir Path local)
            throws Exception {
        FakeRepository remote = new FakeRepository(remoteDir)
                .publish("org.example:util:1.0")
                .publish("org.example:util:1.1")
                .publish("org.example:old:1.0", Dep.compile("org.example:util:1.0"))
                .publish("org.example:new:1.0", Dep.compile("org.example:util:1.1"));
        MavenConfig config = MavenConfig.of(
                Map.of(MavenConfig.LOCAL_ENV, local.toString(), MavenConfig.REMOTE_ENV, remote.url()), local);
        StringWriter out = new StringWriter();
        Console console = new Console(out, false);
        List<Path> classPath = new ArrayList<>();
        try (MavenArtifacts maven = new MavenArtifacts()) {
            assertThat(maven.add(
                            "%maven",
                            List.of(Coordinates.parse("org.example:old:1.0")), false, config, console, classPath::add))
                    .isTrue();
            assertThat(maven.add(
                            "%maven",
                            List.of(Coordinates.parse("org.example:new:1.0")), false, config, console, classPath::add))
                    .isTrue();
            assertThat(maven.added())
                    .extracting(r -> r.coordinates().toString())
                    .containsExactly("org.example:old:1.0", "org.example:util:1.0", "org.example:new:1.0");
        }
        assertThat(classPath)
                .containsExactly(
                        local.resolve("org/example/old/1.0/old-1.0.jar"),
                        local.resolve("org/example/util/1.0/util-1.0.jar"),
                        local.resolve("org/example/new/1.0/new-1.0.jar"));
        List<String> lines = out.toString().lines().toList();
        assertThat(lines)
                .contains(
                        "%maven: kept org.example:util:1.0 (added earlier); org.example:util:1.1, a dependency, is not added: "
                                + "two versions of one library on a class path mix their classes.")
                .anyMatch(l -> l.matches("Added 1 jar \\(1 requested \\+ 0 dependencies; 1 downloaded from "
                        + remote.url() + ", \\d+ B\\) in \\d+\\.\\d\\d s:"));
    }

    @Test
    void sizesAreScaledAsPeopleReadThem() {
        assertThat(MavenArtifacts.bytes(-1)).isEqualTo("?");
        assertThat(MavenArtifacts.bytes(512)).isEqualTo("512 B");
        assertThat(MavenArtifacts.bytes(19 * 1024 + 100)).isEqualTo("19 KiB");
        assertThat(MavenArtifacts.bytes(3 * 1024 * 1024 + 600 * 1024)).isEqualTo("3.6 MiB");
    }
}
