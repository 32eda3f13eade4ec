package dev.perfshell.repl.engine;

import dev.perfshell.engine.EngineProtocol;
import com.sun.jdi.VirtualMachine;
import jdk.jshell.execution.JdiInitiator;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Our {@link ExecutionControlProvider}: the stock JDI engine's launch sequence, plus what the
 * stock one cannot give (DESIGN.md §2.1): TCP_NODELAY on the command socket (188 ms per eval
 * otherwise), a loopback-only JDWP handshake, a deserialization allow-list on replies ({@link ReplyFilter}),
 * a launch token so only the engine it started is accepted on its port ({@link LaunchToken}), the engine
 * {@link Process}, and an engine JDK other than the shell's.
 */
final class PerfJdiProvider implements ExecutionControlProvider {
    private final String agentClass;
    private final Path engineJavaHome;
    private final Duration timeout;
    private final Consumer<String> onDeath;
    private final AtomicReference<PerfJdiControl> control = new AtomicReference<>();

    /** @param timeout how long the engine JVM may take to connect, both for JDWP and for the command socket */
    PerfJdiProvider(String agentClass, Path engineJavaHome, Duration timeout, Consumer<String> onDeath) {
        this.agentClass = agentClass;
        this.engineJavaHome = engineJavaHome;
        this.timeout = timeout;
        this.onDeath = onDeath;
    }

    @Override
    public String name() {
        return "perfshell";
    }

    PerfJdiControl control() {
        return control.get();
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(timeoutMillis());
            LaunchToken token = LaunchToken.create();
            long start = System.nanoTime();
            JdiInitiator initiator;
            try {
                initiator = launch(withShellPid(env.extraRemoteVMOptions()), listener.getLocalPort());
            } catch (RuntimeException | Error e) {
                // JdiInitiator has ended the process; its own message is a connector dump, or what the process printed
                if (timedOut(e, start)) throw new EngineConnectTimeout(timeout, e);
                throw e;
            }
            VirtualMachine vm = initiator.vm();
            Process process = initiator.process();
            token.sendTo(process);
            Util.detectJdiExitEvent(vm, why -> {
                env.closeDown(); // JShell then refuses further evals instead of hanging on a dead socket
                PerfJdiControl created = control.get();
                if (created != null) created.dispose();
                onDeath.accept(why);
            });
            // One connection only: the listener closes when this method returns, whatever came in.
            Socket socket;
            try {
                socket = listener.accept();
            } catch (SocketTimeoutException e) {
                process.destroyForcibly(); // JDWP connected but the agent never did: no engine may outlive a failed start
                throw new EngineConnectTimeout(timeout, e);
            }
            try {
                socket.setSoTimeout(timeoutMillis());
                token.expectFrom(socket);
                socket.setSoTimeout(0);
            } catch (IOException notTheEngine) {
                socket.close();
                vm.dispose();
                process.destroyForcibly();
                throw notTheEngine;
            }
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream(); // out before in, as the agent creates them
            Map<String, OutputStream> outputs = new HashMap<>();
            outputs.put("out", env.userOut());
            outputs.put("err", env.userErr());
            Map<String, InputStream> inputs = new HashMap<>();
            inputs.put("in", env.userIn());
            return Util.remoteInputOutput(socket.getInputStream(), out, outputs, inputs, (in, cmdOut) -> {
                // Fail closed: without the filter every class on the shell's class path could be instantiated.
                if (!(in instanceof ObjectInputStream)) throw new IllegalStateException("no filterable reply stream: " + in);
                ((ObjectInputStream) in).setObjectInputFilter(new ReplyFilter());
                PerfJdiControl created = new PerfJdiControl(cmdOut, in, vm, process, agentClass);
                control.set(created);
                return created;
            });
        }
    }

    private int timeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    /**
     * A launch that failed because nothing connected in time: a timeout in the cause chain (the JDI listener's, or
     * JdiInitiator's own wait), or, when the process printed something and JdiInitiator reports only that, the
     * whole timeout spent waiting. A JVM that refuses an option fails at once and is not a timeout.
     */
    private boolean timedOut(Throwable failure, long startNanos) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException
                    || t instanceof com.sun.jdi.connect.TransportTimeoutException) return true;
        }
        return System.nanoTime() - startNanos >= timeout.toNanos();
    }

    /**
     * The engine refuses to start unless this names its parent (LaunchCheck). Last, so a user's {@code -R-D…}
     * cannot replace it.
     */
    private static List<String> withShellPid(List<String> vmOptions) {
        List<String> options = new ArrayList<>(vmOptions);
        options.add("-D" + EngineProtocol.SHELL_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        return options;
    }

    /**
     * JdiInitiator starts {@code $java.home/bin/java}; to run the engine on another JDK we point
     * {@code java.home} at it for the duration of the launch (JShell offers no other way on 17).
     */
    private JdiInitiator launch(List<String> vmOptions, int port) {
        String ownHome = System.getProperty("java.home");
        if (engineJavaHome != null) System.setProperty("java.home", engineJavaHome.toString());
        try {
            return new JdiInitiator(port, vmOptions, agentClass, false, "127.0.0.1", timeoutMillis(), Map.of());
        } finally {
            System.setProperty("java.home", ownHome);
        }
    }
}
