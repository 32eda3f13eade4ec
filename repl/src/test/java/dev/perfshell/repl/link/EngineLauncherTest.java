package dev.perfshell.repl.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine JVM's own launch: JdiInitiator's command line, with the java named by the caller, and no orphans. */
class EngineLauncherTest {
    private static final Path OWN_JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    /** Stands in for the engine agent: a main that waits, as the engine waits for commands. */
    public static final class WaitingMain {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(60_000);
        }
    }

    @AfterEach
    void noProcessOutlivesATest() {
        List<ProcessHandle> left = ProcessHandle.current().children().toList();
        left.forEach(ProcessHandle::destroyForcibly);
        assertThat(left).as("processes left running by the launcher").isEmpty();
    }

    @Test
    void theCommandLineIsJdiInitiatorsWithTheGivenJava() {
        assertThat(EngineLauncher.command(
                        Path.of("/jdk25/bin/java"),
                        "127.0.0.1:5005",
                        List.of("-cp", "e.jar", "-Xmx1g"),
                        "dev.perfshell.engine.EngineAgent",
                        4242))
                .containsExactly(
                        "/jdk25/bin/java",
                        "-agentlib:jdwp=transport=dt_socket,address=127.0.0.1:5005",
                        "-cp",
                        "e.jar",
                        "-Xmx1g",
                        "dev.perfshell.engine.EngineAgent",
                        "4242");
    }

    @Test
    void theEngineConnectsToTheLoopbackLiteralNotAName() {
        assertThat(EngineLauncher.jdwpAddress("localhost:40933")).isEqualTo("127.0.0.1:40933");
        assertThat(EngineLauncher.jdwpAddress("127.0.0.1:1")).isEqualTo("127.0.0.1:1");
    }

    @Test
    void aRealJvmConnectsOverJdwpAndLeavesTheShellsJavaHomeAlone() throws Exception {
        String home = System.getProperty("java.home");
        EngineLauncher launcher = new EngineLauncher(OWN_JAVA, WaitingMain.class.getName(), Duration.ofSeconds(30));
        EngineLauncher.Launched engine = launcher.launch(List.of("-cp", testClasses()), 4242);
        try {
            assertThat(engine.vm().name()).isNotBlank();
            assertThat(engine.process().isAlive()).isTrue();
            List<String> arguments = List.of(engine.process().info().arguments().orElseThrow());
            assertThat(arguments.get(0)).startsWith("-agentlib:jdwp=transport=dt_socket,address=127.0.0.1:");
            assertThat(arguments.subList(arguments.size() - 2, arguments.size()))
                    .containsExactly(WaitingMain.class.getName(), "4242");
            assertThat(System.getProperty("java.home")).isEqualTo(home);
        } finally {
            engine.vm().dispose();
            engine.process().destroyForcibly().waitFor();
        }
    }

    @Test
    void aJvmThatExitsAtOnceFailsAtOnceWithWhatItPrinted() throws Exception {
        Path java = fakeJava(
                "echo \"Unrecognized VM option 'Nope'\" >&2; echo 'Error: Could not create the Java Virtual Machine.'; exit 1");
        long start = System.nanoTime();
        assertThatThrownBy(() -> new EngineLauncher(java, "Agent", Duration.ofSeconds(30)).launch(List.of(), 1))
                .isInstanceOf(IOException.class)
                .hasMessage("Unrecognized VM option 'Nope'\nError: Could not create the Java Virtual Machine.");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("not the whole timeout")
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aSilentExitIsNamedWithItsCode() throws Exception {
        Path java = fakeJava("exit 97");
        assertThatThrownBy(() -> new EngineLauncher(java, "Agent", Duration.ofSeconds(30)).launch(List.of(), 1))
                .isInstanceOf(IOException.class)
                .hasMessage(java + " exited with code 97 before connecting");
    }

    @Test
    void aJvmThatNeverConnectsTimesOutAndIsEnded() throws Exception {
        Path java = fakeJava("exec sleep 60");
        long start = System.nanoTime();
        assertThatThrownBy(() -> new EngineLauncher(java, "Agent", Duration.ofSeconds(1)).launch(List.of(), 1))
                .isInstanceOf(EngineConnectTimeout.class)
                .hasMessage("the engine JVM did not connect within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .isBetween(Duration.ofMillis(900), Duration.ofSeconds(10));
        // noProcessOutlivesATest checks that the sleep was ended
    }

    @Test
    void aJavaThatCannotRunIsAnIOException() {
        Path missing = dir.resolve("nowhere/bin/java");
        assertThatThrownBy(() -> new EngineLauncher(missing, "Agent", Duration.ofSeconds(5)).launch(List.of(), 1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(missing.toString());
    }

    /** Stands in for the engine agent without JDWP: connects to the command port (its last argument), then waits. */
    public static final class ConnectingMain {
        public static void main(String[] args) throws Exception {
            try (Socket socket =
                    new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(args[args.length - 1]))) {
                Thread.sleep(60_000);
            }
        }
    }

    @Test
    void onlyEngineJdksWithoutThreadStopGetJdwp() {
        assertThat(EngineLauncher.needsJdwp(17)).isFalse();
        assertThat(EngineLauncher.needsJdwp(19)).isFalse();
        assertThat(EngineLauncher.needsJdwp(20)).isTrue();
        assertThat(EngineLauncher.needsJdwp(25)).isTrue();
        assertThat(EngineLauncher.command(
                        Path.of("/jdk17/bin/java"),
                        null,
                        List.of("-cp", "e.jar"),
                        "dev.perfshell.engine.EngineAgent",
                        4242))
                .containsExactly(
                        "/jdk17/bin/java",
                        "-Dperfshell.engine.control=true",
                        "-cp",
                        "e.jar",
                        "dev.perfshell.engine.EngineAgent",
                        "4242");
    }

    @Test
    void aRealJvmStartsWithoutJdwpAndConnectsToTheCommandPort() throws Exception {
        EngineLauncher launcher = new EngineLauncher(OWN_JAVA, ConnectingMain.class.getName(), Duration.ofSeconds(30));
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(30_000);
            EngineLauncher.Connected<Socket> engine = launcher.launch(
                    List.of("-cp", testClasses()), listener.getLocalPort(), process -> listener.accept());
            try {
                assertThat(engine.connections().isConnected()).isTrue();
                List<String> arguments =
                        List.of(engine.process().info().arguments().orElseThrow());
                assertThat(arguments).noneMatch(a -> a.contains("jdwp"));
                assertThat(arguments.get(arguments.size() - 1)).isEqualTo(Integer.toString(listener.getLocalPort()));
            } finally {
                engine.connections().close();
                engine.process().destroyForcibly().waitFor();
            }
        }
    }

    @Test
    void withoutJdwpAJvmThatExitsAtOnceFailsAtOnceWithWhatItPrinted() throws Exception {
        Path java = fakeJava("echo \"Unrecognized VM option 'Nope'\" >&2; exit 1");
        long start = System.nanoTime();
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> new EngineLauncher(java, "Agent", Duration.ofSeconds(30))
                            .launch(List.of(), listener.getLocalPort(), process -> listener.accept()))
                    .isInstanceOf(IOException.class)
                    .hasMessage("Unrecognized VM option 'Nope'");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("not the whole timeout")
                .isLessThan(Duration.ofSeconds(10));
    }

    private Path fakeJava(String script) throws IOException {
        Path java = dir.resolve("bin/java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return java;
    }

    private static String testClasses() throws URISyntaxException {
        return Path.of(WaitingMain.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
    }
}
