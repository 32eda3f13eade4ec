package dev.perfshell.repl.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MavenConfigTest {
    @TempDir
    Path home;

    @Test
    void defaultsToTheUsersMavenRepositoryAndMavenCentral() {
        MavenConfig config = MavenConfig.of(Map.of(), home);
        assertThat(config.localRepository()).isEqualTo(home.resolve(".m2/repository"));
        assertThat(config.remoteUrl()).isEqualTo(MavenConfig.CENTRAL_URL);
        assertThat(config.remoteName()).isEqualTo("Maven Central");
    }

    @Test
    void settingsLocalRepositoryIsHonouredWithUserHomeAndEnvExpanded() throws Exception {
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <settings xmlns="http://maven.apache.org/SETTINGS/1.0.0">
                  <localRepository>
                    ${user.home}/caches/${env.REPO_NAME}
                  </localRepository>
                  <offline>false</offline>
                </settings>
                """);
        assertThat(MavenConfig.of(Map.of("REPO_NAME", "m2"), home).localRepository())
                .isEqualTo(home.resolve("caches/m2"));
        // An unknown variable: Maven would fail; the shell falls back to the default folder.
        assertThat(MavenConfig.of(Map.of(), home).localRepository()).isEqualTo(home.resolve(".m2/repository"));
    }

    @Test
    void settingsWithoutLocalRepositoryOrUnparsableFallBackToTheDefault() throws Exception {
        Files.createDirectories(home.resolve(".m2"));
        Files.writeString(home.resolve(".m2/settings.xml"), "<settings><offline>true</offline></settings>");
        assertThat(MavenConfig.of(Map.of(), home).localRepository()).isEqualTo(home.resolve(".m2/repository"));
        Files.writeString(home.resolve(".m2/settings.xml"), "<settings><localRepository>/x</localRep");
        assertThat(MavenConfig.of(Map.of(), home).localRepository()).isEqualTo(home.resolve(".m2/repository"));
    }

    @Test
    void environmentOverridesBoth(@TempDir Path elsewhere) {
        MavenConfig config = MavenConfig.of(
                Map.of(MavenConfig.LOCAL_ENV, elsewhere.toString(), MavenConfig.REMOTE_ENV, "file:///srv/mirror/"),
                home);
        assertThat(config.localRepository()).isEqualTo(elsewhere);
        assertThat(config.remoteUrl()).isEqualTo("file:///srv/mirror/");
        assertThat(config.remoteName()).isEqualTo("file:///srv/mirror/");
    }
}
