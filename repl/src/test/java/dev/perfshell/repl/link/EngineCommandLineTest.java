package dev.perfshell.repl.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's JVM options that depend on the engine JDK's release, read from its {@code release} file. */
class EngineCommandLineTest {
    private static EngineSpec on(Path jdk) {
        return new EngineSpec(List.of(), jdk, List.of(), false, List.of(), false);
    }

    private static Path jdk(Path dir, String version) throws Exception {
        Path home = Files.createDirectories(dir.resolve("jdk-" + version));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    @Test
    void nativeAccessIsGrantedFromJdk22SoAsyncProfilerLoadsWithoutTheRestrictedMethodWarning(@TempDir Path dir)
            throws Exception {
        assertThat(EngineCommandLine.vmOptions(on(jdk(dir, "25.0.1")), Path.of("engine.jar")))
                .contains("--enable-native-access=ALL-UNNAMED");
        assertThat(EngineCommandLine.vmOptions(on(jdk(dir, "22")), Path.of("engine.jar")))
                .contains("--enable-native-access=ALL-UNNAMED");
        assertThat(EngineCommandLine.vmOptions(on(jdk(dir, "21.0.5")), Path.of("engine.jar")))
                .noneMatch(o -> o.startsWith("--enable-native-access"));
    }

    @Test
    void theUsersOptionsStillComeLast(@TempDir Path dir) throws Exception {
        EngineSpec spec = new EngineSpec(List.of("-Xmx1g"), jdk(dir, "25"), List.of(), false, List.of(), false);
        List<String> options = EngineCommandLine.vmOptions(spec, Path.of("engine.jar"));
        assertThat(options).last().isEqualTo("-Xmx1g");
    }
}
