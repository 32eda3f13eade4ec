package dev.perfshell.repl.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.perfshell.repl.maven.FakeRepository.Dep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Maven Resolver against a {@code file://} repository in a temporary folder: real resolution, no network. */
class ArtifactResolverTest {
    @TempDir
    Path remoteDir;

    @TempDir
    Path local;

    FakeRepository remote;

    @BeforeEach
    void publish() throws Exception {
        remote = new FakeRepository(remoteDir)
                .publish(
                        "org.example:lib:1.0",
                        Dep.compile("org.example:core:2.0"),
                        new Dep("org.example:runtime-only:1.0", "runtime", false),
                        new Dep("org.example:test-only:1.0", "test", false),
                        new Dep("org.example:provided-only:1.0", "provided", false),
                        new Dep("org.example:optional-one:1.0", "compile", true))
                .publish("org.example:core:2.0", Dep.compile("org.example:util:1.1"))
                .publish("org.example:core:1.0")
                .publish("org.example:util:1.1")
                .publish("org.example:util:1.0")
                .publish("org.example:runtime-only:1.0")
                .publish("org.example:test-only:1.0")
                .publish("org.example:provided-only:1.0")
                .publish("org.example:optional-one:1.0")
                .publish("org.example:other:1.0", Dep.compile("org.example:util:1.0"))
                .publish("org.example:broken:1.0", Dep.compile("org.example:missing:9.9"));
    }

    private ArtifactResolver resolver(String url) {
        return new ArtifactResolver(
                MavenConfig.of(Map.of(MavenConfig.LOCAL_ENV, local.toString(), MavenConfig.REMOTE_ENV, url), local));
    }

    private static List<String> names(List<ArtifactResolver.Resolved> jars) {
        return jars.stream().map(j -> j.coordinates().toString()).toList();
    }

    @Test
    void resolvesRuntimeDependenciesTransitivelyIntoTheLocalRepository() throws Exception {
        try (ArtifactResolver resolver = resolver(remote.url())) {
            List<ArtifactResolver.Resolved> jars =
                    resolver.resolve(List.of(Coordinates.parse("org.example:lib:1.0")), false);
            // compile and runtime scopes, transitively; test, provided and optional dependencies are not a library's
            // runtime
            assertThat(names(jars))
                    .containsExactlyInAnyOrder(
                            "org.example:lib:1.0",
                            "org.example:core:2.0",
                            "org.example:util:1.1",
                            "org.example:runtime-only:1.0");
            assertThat(names(jars).get(0)).isEqualTo("org.example:lib:1.0");
            for (ArtifactResolver.Resolved jar : jars) {
                assertThat(jar.file()).startsWith(local).isRegularFile();
                assertThat(jar.bytes()).isEqualTo(Files.size(jar.file()));
                assertThat(jar.downloaded()).as(jar.toString()).isTrue();
            }
            // The second time everything comes from the local repository.
            List<ArtifactResolver.Resolved> again =
                    resolver.resolve(List.of(Coordinates.parse("org.example:lib:1.0")), false);
            assertThat(names(again)).isEqualTo(names(jars));
            assertThat(again).noneMatch(ArtifactResolver.Resolved::downloaded);
        }
    }

    @Test
    void versionsAreMediatedAcrossEverythingAskedForAtOnce() throws Exception {
        try (ArtifactResolver resolver = resolver(remote.url())) {
            // other:1.0 wants util:1.0 one level down, lib's core wants util:1.1 two levels down: nearest wins, as in
            // Maven.
            List<ArtifactResolver.Resolved> jars = resolver.resolve(
                    List.of(Coordinates.parse("org.example:lib:1.0"), Coordinates.parse("org.example:other:1.0")),
                    false);
            assertThat(names(jars)).contains("org.example:util:1.0").doesNotContain("org.example:util:1.1");
        }
    }

    @Test
    void unknownCoordinatesNameTheArtifactAndTheRemote() {
        try (ArtifactResolver resolver = resolver(remote.url())) {
            assertThatThrownBy(() -> resolver.resolve(List.of(Coordinates.parse("org.nosuch:nosuch:1.0")), false))
                    .isInstanceOf(ArtifactResolver.Failure.class)
                    .hasMessage(
                            "org.nosuch:nosuch:1.0 was not found in " + remote.url()
                                    + ". Next: check the group, artifact and version (a typo, or a version that was never published).");
            assertThatThrownBy(() -> resolver.resolve(List.of(Coordinates.parse("org.example:lib:7.0")), false))
                    .hasMessageStartingWith("org.example:lib:7.0 was not found in ");
        }
    }

    @Test
    void aMissingDependencyIsNamedWithWhatNeedsIt() {
        try (ArtifactResolver resolver = resolver(remote.url())) {
            assertThatThrownBy(() -> resolver.resolve(List.of(Coordinates.parse("org.example:broken:1.0")), false))
                    .hasMessageStartingWith(
                            "org.example:missing:9.9 (a dependency of org.example:broken:1.0) was not found in ");
        }
    }

    @Test
    void anUnreachableRemoteSaysSoWithTheOfflineWayOut() {
        // Port 1 on the loopback: refused at once, as a dead network or proxy is.
        try (ArtifactResolver resolver = resolver("http://127.0.0.1:1/maven2/")) {
            assertThatThrownBy(() -> resolver.resolve(List.of(Coordinates.parse("org.example:lib:1.0")), false))
                    .hasMessageStartingWith("cannot reach http://127.0.0.1:1/maven2/ (connection refused or no route")
                    .hasMessageEndingWith("Next: check the network or proxy; artifacts already in " + local
                            + " resolve offline (%maven --offline).");
        }
    }

    @Test
    void whatIsCachedResolvesWithoutTheRemoteAndOffline() throws Exception {
        try (ArtifactResolver resolver = resolver(remote.url())) {
            resolver.resolve(List.of(Coordinates.parse("org.example:lib:1.0")), false);
        }
        // The network is gone: cached releases are not checked again.
        try (ArtifactResolver resolver = resolver("http://127.0.0.1:1/maven2/")) {
            List<ArtifactResolver.Resolved> jars =
                    resolver.resolve(List.of(Coordinates.parse("org.example:lib:1.0")), false);
            assertThat(names(jars)).hasSize(4).contains("org.example:util:1.1");
            assertThat(resolver.resolve(List.of(Coordinates.parse("org.example:lib:1.0")), true))
                    .hasSize(4);
            assertThatThrownBy(() -> resolver.resolve(List.of(Coordinates.parse("org.example:other:1.0")), true))
                    .hasMessage("org.example:other:1.0 is not in the local repository " + local
                            + ". Next: run %maven without --offline to download it.");
        }
    }
}
