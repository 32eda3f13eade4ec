package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.perfshell.e2e.Perfshell.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What stops a start is said in one line, with exit code 2 and no stack trace; what only costs a comfort (the
 * history) is said once and the session goes on. Fake JDKs are folders with a stub {@code bin/java} and a
 * {@code release} file: the launcher reads that file before it builds or starts anything.
 */
class StartupE2ETest {
    @TempDir
    Path home;

    @TempDir
    Path work;

    /** A JDK folder whose {@code bin/java} is {@code script} and whose release file holds {@code release} (null: none). */
    private Path fakeJdk(String name, String release, String script) throws Exception {
        Path jdk = work.resolve(name);
        Path java = Files.createDirectories(jdk.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (release != null) Files.writeString(jdk.resolve("release"), release);
        return jdk;
    }

    private Result runWithJavaHome(Path jdk) throws Exception {
        ProcessBuilder pb = Perfshell.builder(home);
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("PERFSHELL_CDS", "off"); // no class-data training for a fake JDK
        return Perfshell.run(pb, "1+1\n", home);
    }

    private static void assertOneLineAndExit2(Result r) {
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.stderr().lines()).as(r.toString()).hasSize(1);
        assertThat(r.all()).as(r.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aJavaOlderThan17IsNamedWithItsVersion() throws Exception {
        Path jdk = fakeJdk(
                "jdk-11",
                "JAVA_VERSION=\"11.0.2\"\nMODULES=\"java.base jdk.jshell jdk.jdi\"\n",
                "echo 'the launcher must not start this java' >&2; exit 97");
        Result r = runWithJavaHome(jdk);
        assertOneLineAndExit2(r);
        assertThat(r.stderr())
                .as(r.toString())
                .isEqualTo("perfshell: needs Java 17 or newer; " + jdk.resolve("bin/java")
                        + " is 11.0.2. Next: set JAVA_HOME to a JDK 17+.\n");
    }

    @Test
    void anOldStyleVersionNumberIsReadToo() throws Exception {
        Path jdk = fakeJdk("jdk-8", "JAVA_VERSION=\"1.8.0_292\"\n", "exit 97");
        Result r = runWithJavaHome(jdk);
        assertOneLineAndExit2(r);
        assertThat(r.stderr())
                .as(r.toString())
                .contains("needs Java 17 or newer")
                .contains(" is 1.8.0_292.");
    }

    @Test
    void aRuntimeWithoutJShellAndJdiIsNamedFromItsReleaseFile() throws Exception {
        Path jre =
                fakeJdk("jre-17", "JAVA_VERSION=\"17.0.2\"\nMODULES=\"java.base java.logging java.sql\"\n", "exit 97");
        Result r = runWithJavaHome(jre);
        assertOneLineAndExit2(r);
        assertThat(r.stderr())
                .as(r.toString())
                .isEqualTo("perfshell: needs a full JDK; " + jre.resolve("bin/java")
                        + " (17.0.2) has no jdk.jshell and jdk.jdi (a JRE?). Next: set JAVA_HOME to a JDK 17+.\n");
    }

    /** No release file: the launcher cannot tell, so the shell's Main checks its boot layer (here limited to java.se). */
    @Test
    void aRuntimeWithoutJShellAndNoReleaseFileIsNamedByTheShell() throws Exception {
        Path realJava = Path.of(System.getProperty("java.home"), "bin", "java");
        Path jre = fakeJdk("no-release", null, "exec '" + realJava + "' --limit-modules java.se \"$@\"");
        Result r = runWithJavaHome(jre);
        assertOneLineAndExit2(r);
        assertThat(r.stderr())
                .as(r.toString())
                .startsWith("perfshell: needs a full JDK; ")
                .contains("has no jdk.jshell and jdk.jdi (a JRE?). Next: set JAVA_HOME to a JDK 17+.");
    }

    @Test
    void aJavaHomeWithoutJavaIsNamed() throws Exception {
        Result r = runWithJavaHome(work.resolve("nowhere"));
        assertOneLineAndExit2(r);
        assertThat(r.stderr())
                .as(r.toString())
                .startsWith("perfshell: no java found (JAVA_HOME=" + work.resolve("nowhere"));
    }

    /**
     * An engine JVM that never connects (a stub that sleeps, as a hung JVM would): one line naming that java and the
     * -R options, exit 2, and the stub is ended, not left behind. The timeout is shortened for the test.
     */
    @Test
    void anEngineThatDoesNotConnectIsNamedWithItsOptions() throws Exception {
        Path hanging = fakeJdk("hanging-jdk", null, "exec sleep 120");
        ProcessBuilder pb = Perfshell.builder(home, "--engine-jdk", hanging.toString(), "-R", "-Xmx64m");
        pb.environment().put("PERFSHELL_ENGINE_TIMEOUT", "3");
        Result r = Perfshell.run(pb, "1+1\n", home);
        assertOneLineAndExit2(r);
        assertThat(r.stderr())
                .as(r.toString())
                .isEqualTo(
                        "perfshell: the engine JVM did not connect within 3 s ("
                                + hanging.resolve("bin/java") + ", -R options: -Xmx64m). Next: check that '"
                                + hanging.resolve("bin/java")
                                + " -version' starts; on a slow machine set PERFSHELL_ENGINE_TIMEOUT to more seconds (now 3).\n");
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains("sleep 120")
                                && p.info()
                                        .user()
                                        .equals(ProcessHandle.current().info().user()))
                        .toList())
                .as("the stub engine was ended")
                .isEmpty();
    }

    @Test
    void aBadEngineTimeoutIsAUsageError() throws Exception {
        ProcessBuilder pb = Perfshell.builder(home);
        pb.environment().put("PERFSHELL_ENGINE_TIMEOUT", "soon");
        Result r = Perfshell.run(pb, "1+1\n", home);
        assertOneLineAndExit2(r);
        assertThat(r.stderr()).contains("PERFSHELL_ENGINE_TIMEOUT=soon is not a whole number of seconds");
    }

    /** A home under a regular file cannot be created, not even by root (for whom chmod stops nothing). */
    @Test
    void anUnwritableHomeCostsTheHistoryNotTheSession() throws Exception {
        assumeTrue(Tmux.available(), "tmux is not installed (.ci/run installs it)");
        Path file = Files.writeString(work.resolve("a-file"), "not a folder");
        Path unwritable = file.resolve("perfshell-home");
        try (Tmux shell = Tmux.start(home, Map.of("PERFSHELL_HOME", unwritable.toString()))) {
            assertThat(shell.screen())
                    .contains("No history this session: cannot create " + unwritable + " (Not a directory)."
                            + " Next: set PERFSHELL_HOME to a writable folder");
            assertThat(shell.run("20 + 22")).isEqualTo("$1 ==> 42");
            assertThat(shell.run("$1 + 1")).isEqualTo("$2 ==> 43");
            shell.keys("C-d");
            assertThat(shell.awaitExit()).as(shell.screen()).isZero();
            assertThat(shell.screen()).doesNotContain("Exception");
        }
        assertThat(file).hasContent("not a folder");
    }

    @Test
    void anUnwritableHomeDoesNotMatterToAScript() throws Exception {
        Path file = Files.writeString(work.resolve("a-file"), "x");
        Result r = Perfshell.run(Perfshell.builder(file.resolve("sub")), "1+1\n", home);
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.stdout()).contains("$1 ==> 2");
    }
}
