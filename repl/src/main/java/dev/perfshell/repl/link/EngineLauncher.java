package dev.perfshell.repl.link;

import com.sun.jdi.Bootstrap;
import com.sun.jdi.VirtualMachine;
import com.sun.jdi.connect.Connector;
import com.sun.jdi.connect.IllegalConnectorArgumentsException;
import com.sun.jdi.connect.ListeningConnector;
import com.sun.jdi.connect.TransportTimeoutException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts the engine JVM, on engine JDKs 17-19 without JDWP (its capabilities slow compiled code: {@link #needsJdwp}),
 * on later ones taking its JDWP connection as {@code jdk.jshell.execution.JdiInitiator} does in listen mode; either
 * way with the engine's {@code java} named here. JdiInitiator builds the command from the shell's
 * {@code java.home}; pointing that property at {@code --engine-jdk} for the launch let javac on other shell threads
 * load the other JDK's classes (UnsupportedClassVersionError). Nothing here reads or writes a system property.
 */
final class EngineLauncher {
    private static final String CONNECTOR = "com.sun.jdi.SocketListen";
    /** The JDWP listener's address; the engine connects to the same literal, so no name lookup can pick ::1. */
    private static final String LOOPBACK = "127.0.0.1";

    /** A started engine, held by JDWP at its start until the caller's event handler resumes it. */
    record Launched(VirtualMachine vm, Process process) {}

    /** A started engine without JDWP, and its connections. */
    record Connected<T>(Process process, T connections) {}

    /** The engine's connections, once the process runs: accepted and checked, or the reason there are none. */
    @FunctionalInterface
    interface Connections<T> {
        T accept(Process engine) throws Exception;
    }

    /**
     * Whether an engine on JDK {@code feature} needs JDWP: Ctrl-C without it stops user code with {@code Thread.stop},
     * which JDK 20 took away. With JDWP loaded (even idle) compiled code runs slower: HashMap.get +20%, a sort of
     * 10,000 ints +12%, measured here in a plain JVM (docs/architecture.md, "No JDWP in the engine").
     */
    static boolean needsJdwp(int feature) {
        return feature >= 20;
    }

    private final Path java;
    private final String agentClass;
    private final Duration timeout;

    /**
     * @param java    the engine JDK's {@code bin/java}
     * @param timeout how long the engine may take to connect
     */
    EngineLauncher(Path java, String agentClass, Duration timeout) {
        this.java = java;
        this.agentClass = agentClass;
        this.timeout = timeout;
    }

    /**
     * Listens on a loopback port, starts the engine against it and waits for it to connect. On any failure the
     * process is ended before this returns, and the JDWP listener is closed either way.
     *
     * @throws EngineConnectTimeout when nothing connected within the timeout
     * @throws IOException when the process could not start or exited first (the message is what it printed)
     */
    Launched launch(List<String> vmOptions, int commandPort) throws IOException, EngineConnectTimeout {
        return withOutputFiles((out, err) -> launchWithJdwp(vmOptions, commandPort, out, err));
    }

    /**
     * Starts the engine without JDWP and returns once {@code connections} has its connections. On any failure
     * the process is ended before this returns.
     *
     * @throws EngineConnectTimeout when nothing connected within the timeout
     * @throws IOException when the process could not start or exited first (the message is what it printed)
     */
    <T> Connected<T> launch(List<String> vmOptions, int commandPort, Connections<T> connections)
            throws IOException, EngineConnectTimeout {
        return withOutputFiles((out, err) -> {
            Process process = start(command(java, null, vmOptions, agentClass, commandPort), out, err);
            try {
                return new Connected<>(process, await(() -> connections.accept(process), process, out, err));
            } catch (Throwable failure) {
                end(process); // no engine may outlive a failed start
                throw failure;
            }
        });
    }

    /** A launch, given the files the engine's output goes to. */
    @FunctionalInterface
    private interface WithOutputFiles<R> {
        R launch(Path out, Path err) throws IOException, EngineConnectTimeout;
    }

    /**
     * JdiInitiator's temporary files: what a JVM that refuses to start prints becomes the error message. After the
     * start the files are deleted but stay open, so the engine can never block on a full pipe.
     */
    private static <R> R withOutputFiles(WithOutputFiles<R> launch) throws IOException, EngineConnectTimeout {
        Path out = Files.createTempFile("perfshell-engine", ".out");
        Path err = null;
        try {
            err = Files.createTempFile("perfshell-engine", ".err");
            return launch.launch(out, err);
        } finally {
            deleteQuietly(out);
            if (err != null) deleteQuietly(err);
        }
    }

    /**
     * Kills a process whose start failed and waits (briefly) until it is gone, so the shell's report of the failure
     * never comes while the process is still there.
     */
    static void end(Process process) {
        try {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Process start(List<String> command, Path out, Path err) throws IOException {
        return new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile()) // stdin stays a pipe: LaunchToken
                .start();
    }

    private Launched launchWithJdwp(List<String> vmOptions, int commandPort, Path out, Path err)
            throws IOException, EngineConnectTimeout {
        ListeningConnector connector = socketListen();
        Map<String, Connector.Argument> args = connector.defaultArguments();
        args.get("localAddress").setValue(LOOPBACK);
        args.get("port").setValue("0");
        args.get("timeout").setValue(Long.toString(Math.min(Integer.MAX_VALUE, timeout.toMillis())));
        String listening = startListening(connector, args);
        Process process = null;
        try {
            process = start(command(java, jdwpAddress(listening), vmOptions, agentClass, commandPort), out, err);
            // bounded by the connector's timeout argument
            return new Launched(await(() -> connector.accept(args), process, out, err), process);
        } catch (Throwable failure) {
            if (process != null) end(process); // no engine may outlive a failed start
            throw failure;
        } finally {
            stopListening(connector, args);
        }
    }

    /**
     * The engine's command line, in JdiInitiator's order: the agent class and command port are its main's arguments.
     *
     * @param jdwpAddress where JDWP connects, or {@code null} for an engine without JDWP, which then opens a control
     *                    connection for Ctrl-C
     */
    static List<String> command(
            Path java, String jdwpAddress, List<String> vmOptions, String agentClass, int commandPort) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.add(
                jdwpAddress != null
                        ? "-agentlib:jdwp=transport=dt_socket,address=" + jdwpAddress
                        : "-D" + dev.perfshell.engine.EngineProtocol.CONTROL_PROPERTY + "=true");
        command.addAll(vmOptions);
        command.add(agentClass);
        command.add(Integer.toString(commandPort));
        return command;
    }

    /** The connector answers {@code localhost:PORT} (a reverse lookup of the bound address); keep its port only. */
    static String jdwpAddress(String listening) {
        return LOOPBACK + ":" + listening.substring(listening.lastIndexOf(':') + 1);
    }

    /**
     * The connection, or the reason there is none. Accepting runs on its own thread so that the process ending (a JVM
     * that refuses an option exits at once) fails the start at once instead of after the whole timeout.
     */
    private <T> T await(java.util.concurrent.Callable<T> accept, Process process, Path out, Path err)
            throws IOException, EngineConnectTimeout {
        CompletableFuture<T> connected = new CompletableFuture<>();
        Thread acceptor = new Thread(
                () -> {
                    try {
                        connected.complete(accept.call());
                    } catch (Throwable t) {
                        connected.completeExceptionally(t);
                    }
                },
                "perfshell-engine-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        process.onExit().thenRun(() -> connected.completeExceptionally(new ExitedFirst()));
        try {
            // The connector times out first; this bound (JdiInitiator's 1.5 x) covers a handshake that hangs.
            return connected.get(timeout.toMillis() * 3 / 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new EngineConnectTimeout(timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the engine JVM started");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TransportTimeoutException) throw new EngineConnectTimeout(timeout, cause);
            if (cause instanceof EngineConnectTimeout connectTimeout) throw connectTimeout;
            if (cause instanceof ExitedFirst) throw new IOException(exitedFirst(process, out, err));
            throw new IOException("the engine JVM did not connect: " + cause, cause);
        }
    }

    /** What the process printed (a JVM that refuses an option says which), or else its exit code. */
    private String exitedFirst(Process process, Path out, Path err) throws IOException {
        String printed = (new String(Files.readAllBytes(err), StandardCharsets.UTF_8)
                        + new String(Files.readAllBytes(out), StandardCharsets.UTF_8))
                .strip();
        return printed.isEmpty() ? java + " exited with code " + process.exitValue() + " before connecting" : printed;
    }

    private static ListeningConnector socketListen() {
        return Bootstrap.virtualMachineManager().listeningConnectors().stream()
                .filter(c -> c.name().equals(CONNECTOR))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no JDI connector " + CONNECTOR + " in this JDK"));
    }

    private static String startListening(ListeningConnector connector, Map<String, Connector.Argument> args)
            throws IOException {
        try {
            return connector.startListening(args);
        } catch (IllegalConnectorArgumentsException e) {
            throw new IllegalStateException(CONNECTOR + " refused its arguments " + args, e);
        }
    }

    /** Closes the listener, which also ends an accept still waiting (the acceptor thread then finishes). */
    private static void stopListening(ListeningConnector connector, Map<String, Connector.Argument> args) {
        try {
            connector.stopListening(args);
        } catch (IOException | IllegalConnectorArgumentsException alreadyClosed) {
            // nothing is listening any more, which is what was wanted
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException leftInTmp) {
            // a stale file in the temporary folder must not turn a started engine into a failed start
        }
    }

    /** Marks the process ending before it connected; never leaves this class. */
    private static final class ExitedFirst extends Exception {
        ExitedFirst() {
            super(null, null, false, false);
        }
    }
}
