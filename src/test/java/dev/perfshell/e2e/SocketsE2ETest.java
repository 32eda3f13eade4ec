package dev.perfshell.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.perfshell.e2e.Perfshell.Live;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell and its engine listen on loopback only, each listening socket takes one connection and then
 * closes: checked with {@code ss -ltnp} (iproute2) on the shell's and the engine's pids while engines start.
 */
class SocketsE2ETest {
    /** {@code ss -ltnpH}: state, queues, local address:port, peer, users:(("java",pid=N,fd=M)). */
    private static final Pattern PID = Pattern.compile("pid=(\\d+)");

    private static final Pattern LOOPBACK =
            Pattern.compile("(127\\.\\d+\\.\\d+\\.\\d+|\\[::1]|\\[::ffff:127\\.\\d+\\.\\d+\\.\\d+]):\\d+");

    @TempDir
    Path home;

    @BeforeAll
    static void needsSs() {
        assumeTrue(listeningSockets() != null, "ss (iproute2) is not installed (.ci/run installs it)");
    }

    /** Every listening TCP socket on the machine with its process, one line each; null without ss. */
    static List<String> listeningSockets() {
        try {
            Process ss =
                    new ProcessBuilder("ss", "-ltnpH").redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ss.waitFor(10, TimeUnit.SECONDS) || ss.exitValue() != 0) return null;
            return out.lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The lines of {@code sockets} that belong to the shell or any process under it (its engine). */
    static List<String> ofShell(List<String> sockets, long shellPid) {
        Set<Long> pids = ProcessHandle.of(shellPid)
                .map(h -> h.descendants().map(ProcessHandle::pid).collect(Collectors.toSet()))
                .orElse(new java.util.HashSet<>());
        pids.add(shellPid);
        List<String> mine = new ArrayList<>();
        for (String line : sockets) {
            Matcher m = PID.matcher(line);
            while (m.find()) {
                if (pids.contains(Long.parseLong(m.group(1)))) {
                    mine.add(line);
                    break;
                }
            }
        }
        return mine;
    }

    /** Local address: the fourth column. */
    static String localAddress(String ssLine) {
        return ssLine.trim().split("\\s+")[3];
    }

    /** Sends {@code input} and samples the listening sockets until the output shows {@code expected}. */
    private static List<String> listenersUntil(Live shell, String input, String expected) throws Exception {
        int mark = shell.mark();
        shell.send(input);
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Perfshell.OUTPUT_TIMEOUT.toNanos();
        while (!shell.output().substring(mark).contains(expected)) {
            if (System.nanoTime() > deadline) throw new AssertionError("no '" + expected + "' in:\n" + shell.output());
            seen.addAll(ofShell(listeningSockets(), shell.pid()));
        }
        return seen;
    }

    @Test
    void whileEnginesStartEveryListeningSocketIsOnLoopbackAndNoneIsLeftOpen() throws Exception {
        // --keep-going: a script on a pipe goes on after System.exit, which restarts the engine.
        try (Live shell = Live.start(home, "run", "--keep-going", "/dev/stdin")) {
            // The first engine starts as the shell does; two more starts after System.exit (each replays the session).
            List<String> seen = new ArrayList<>(listenersUntil(shell, "1+1", "==> 2"));
            for (int start = 0; start < 2; start++) {
                seen.addAll(listenersUntil(shell, "System.exit(0);", "Started a new engine"));
            }
            // The command port is open for the whole engine JVM start-up (hundreds of ms); ss runs every few ms.
            assertThat(seen)
                    .as("listening sockets seen while three engines started")
                    .isNotEmpty();
            assertThat(seen)
                    .allSatisfy(line -> assertThat(localAddress(line)).as(line).matches(LOOPBACK));

            shell.engine();
            assertThat(ofShell(listeningSockets(), shell.pid()))
                    .as("after start-up: every listener took its one connection and closed")
                    .isEmpty();
        }
    }

    @Test
    void aSecondConnectionToTheEnginesPortIsRefusedAndTheSessionGoesOn() throws Exception {
        try (Live shell = Live.start(home)) {
            shell.eval("int kept = 41;", "kept ==> 41");
            long engine = shell.engine();
            List<String> arguments = List.of(
                    ProcessHandle.of(engine).orElseThrow().info().arguments().orElseThrow());
            // On JDK 17-19 the engine starts without JDWP (it slows compiled code): java … EngineAgent COMMAND_PORT
            if (Runtime.version().feature() < 20) {
                assertThat(arguments)
                        .as("the engine JVM's arguments: no JDWP agent")
                        .noneMatch(a -> a.contains("jdwp"));
            }
            int commandPort = Integer.parseInt(arguments.get(arguments.size() - 1));
            assertThatThrownBy(() -> {
                        try (Socket second = new Socket()) {
                            second.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), commandPort), 5_000);
                        }
                    })
                    .as("a second connection to the command port %d", commandPort)
                    .isInstanceOf(ConnectException.class);

            shell.eval("1+1", "==> 2");
            shell.eval("kept + 1", "==> 42");
            assertThat(shell.output()).doesNotContain("Started a new engine");
        }
    }
}
