package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.perfshell.e2e.Perfshell.Result;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %maven} against the real Maven Central, through the real launcher: a small library (Gson, with its one
 * runtime dependency) is downloaded into an empty local repository, then used in a snippet and in {@code %timeit};
 * a second run finds it cached and needs no network ({@code //DEPS}, with the remote pointed at a dead port).
 */
class MavenE2ETest {
    private static final String CENTRAL = "https://repo.maven.apache.org/maven2/";
    private static final String GSON = "com.google.code.gson:gson:2.11.0";

    @TempDir
    Path home;

    @TempDir
    Path work;

    @TempDir
    Path localRepository;

    /** This test needs Maven Central (issue 10): say so plainly instead of failing somewhere inside the resolver. */
    @BeforeAll
    static void mavenCentralIsReachable() {
        String pom = CENTRAL + "com/google/code/gson/gson/2.11.0/gson-2.11.0.pom";
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) URI.create(pom).toURL().openConnection();
            connection.setRequestMethod("HEAD");
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(10_000);
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status != 200)
                throw new AssertionError("Maven Central answered HTTP " + status + " for " + pom
                        + "; this test needs it to serve Gson's POM.");
        } catch (IOException e) {
            throw new AssertionError(
                    "Maven Central is unreachable from this machine (" + e + "); MavenE2ETest resolves a real "
                            + "artifact from it. Next: check the network, or run the other tests.",
                    e);
        }
    }

    @Test
    void mavenDownloadsALibraryThatSnippetsAndTimeitThenUse() throws Exception {
        ProcessBuilder pb = Perfshell.builder(home);
        pb.environment().put("PERFSHELL_MAVEN_LOCAL", localRepository.toString());
        pb.environment().remove("PERFSHELL_MAVEN_REMOTE");
        Result r = Perfshell.run(
                pb,
                String.join(
                        "\n",
                        "%maven " + GSON,
                        "var gson = new com.google.gson.Gson();",
                        "String json = gson.toJson(java.util.Map.of(\"n\", 42));",
                        "%timeit -r 5 --budget 0.5 gson.toJson(java.util.List.of(1, 2, 3))",
                        "%maven",
                        ""),
                home);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout())
                .as(r.toString())
                .containsPattern(
                        "Added 2 jars \\(1 requested \\+ 1 dependency; 2 downloaded from Maven Central, \\d+ KiB\\) in \\d+\\.\\d\\d s:")
                .containsPattern("  com\\.google\\.code\\.gson:gson:2\\.11\\.0 +gson-2\\.11\\.0\\.jar +\\d+ KiB")
                .containsPattern(
                        "  com\\.google\\.errorprone:error_prone_annotations:[\\d.]+ +error_prone_annotations-[\\d.]+\\.jar +\\d+ KiB")
                .contains("Local repository: " + localRepository)
                .contains("json ==> \"{\\\"n\\\":42}\"")
                .contains(" per loop (mean ± std. dev. of 5 runs")
                .contains("Added by %maven in this session (2 jars):");
        Path jar = localRepository.resolve("com/google/code/gson/gson/2.11.0/gson-2.11.0.jar");
        assertThat(jar).isRegularFile();
        assertThat(Files.size(jar)).isGreaterThan(100_000);
        assertThat(r.all()).doesNotContain("SLF4J").doesNotContain("Exception");

        // Cached now: a script's //DEPS resolves with the remote unreachable (port 1 on the loopback refuses at once).
        ProcessBuilder offline = Perfshell.builder(
                        home, "run", work.resolve("deps.jsh").toString())
                .directory(work.toFile());
        Files.writeString(
                work.resolve("deps.jsh"), "//DEPS " + GSON + "\nnew com.google.gson.Gson().toJson(new int[] {1, 2})\n");
        offline.environment().put("PERFSHELL_MAVEN_LOCAL", localRepository.toString());
        offline.environment().put("PERFSHELL_MAVEN_REMOTE", "http://127.0.0.1:1/maven2/");
        Result cached = Perfshell.run(offline, null, home);
        assertThat(cached.exitCode()).as(cached.toString()).isZero();
        assertThat(cached.stdout())
                .as(cached.toString())
                .contains("Added 2 jars (1 requested + 1 dependency; all from the local repository)")
                .contains("==> \"[1,2]\"");
    }

    @Test
    void unknownCoordinatesAreOneLineAndTheSessionGoesOn() throws Exception {
        Files.writeString(work.resolve("nosuch.jsh"), "%maven org.nosuch.perfshell:nosuch:1.0\nint after = 1 + 1;\n");
        ProcessBuilder pb = Perfshell.builder(
                        home, "run", "--keep-going", work.resolve("nosuch.jsh").toString())
                .directory(work.toFile());
        pb.environment().put("PERFSHELL_MAVEN_LOCAL", localRepository.toString());
        pb.environment().remove("PERFSHELL_MAVEN_REMOTE");
        Result r = Perfshell.run(pb, null, home);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.stdout())
                .as(r.toString())
                .contains("nosuch.jsh:1: this input failed; going on (--keep-going)")
                .contains("after ==> 2")
                .contains(
                        "%maven: org.nosuch.perfshell:nosuch:1.0 was not found in Maven Central. Next: check the group, "
                                + "artifact and version (a typo, or a version that was never published).");
        assertThat(r.all()).as(r.toString()).doesNotContain("Exception").doesNotContain("SLF4J");
    }
}
