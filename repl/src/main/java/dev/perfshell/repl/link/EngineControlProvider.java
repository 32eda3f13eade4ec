package dev.perfshell.repl.link;

import com.sun.jdi.VirtualMachine;
import dev.perfshell.engine.EngineProtocol;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Our {@link ExecutionControlProvider}: the stock JDI engine's launch sequence, plus what the stock one cannot give
 * (docs/architecture.md, 'Our own execution control' and 'No JDWP in the engine'): no JDWP at all on engine JDKs
 * 17-19 (it slows compiled code; Ctrl-C then travels over a second, token-checked connection: {@link ChannelStop}),
 * TCP_NODELAY on the command socket (188 ms per eval otherwise), a loopback-only JDWP handshake where JDWP is needed,
 * a deserialization allow-list on replies ({@link ReplyFilter}), a launch token so only the engine it started is
 * accepted on its port ({@link LaunchToken}), the engine {@link Process}, and an engine JDK other than the shell's
 * ({@link EngineLauncher}).
 */
final class EngineControlProvider implements ExecutionControlProvider {
    private final String agentClass;
    private final EngineLauncher launcher;
    private final boolean jdwp;
    private final Duration timeout;
    private final Consumer<String> onDeath;
    private final AtomicReference<EngineControl> control = new AtomicReference<>();

    /**
     * @param java    the engine JDK's {@code bin/java}
     * @param feature the engine JDK's feature release: whether it needs JDWP ({@link EngineLauncher#needsJdwp})
     * @param timeout how long the engine JVM may take to connect, both for JDWP and for the command socket
     */
    EngineControlProvider(String agentClass, Path java, int feature, Duration timeout, Consumer<String> onDeath) {
        this.agentClass = agentClass;
        this.launcher = new EngineLauncher(java, agentClass, timeout);
        this.jdwp = EngineLauncher.needsJdwp(feature);
        this.timeout = timeout;
        this.onDeath = onDeath;
    }

    @Override
    public String name() {
        return "perfshell";
    }

    EngineControl control() {
        return control.get();
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(timeoutMillis());
            LaunchToken token = LaunchToken.create();
            return jdwp ? generateWithJdwp(env, listener, token) : generate(env, listener, token);
        }
    }

    /** An engine without JDWP: Ctrl-C reaches it over a control connection, its death shows as its process's exit. */
    private ExecutionControl generate(ExecutionEnv env, ServerSocket listener, LaunchToken token) throws Throwable {
        // The engine connects twice, command first; the listener closes when generate returns, whatever came in.
        EngineLauncher.Connected<Socket[]> engine =
                launcher.launch(withShellPid(env.extraRemoteVMOptions()), listener.getLocalPort(), process -> {
                    token.sendTo(process);
                    Socket command = acceptEngine(listener, token);
                    try {
                        return new Socket[] {command, acceptEngine(listener, token)};
                    } catch (Throwable noControl) {
                        command.close();
                        throw noControl;
                    }
                });
        Process process = engine.process();
        Socket command = engine.connections()[0];
        Socket control = engine.connections()[1];
        try {
            ExecutionControl created = connect(env, command, new ChannelStop(control), process);
            process.onExit().thenRun(() -> died(env, "the engine process exited with code " + process.exitValue()));
            return created;
        } catch (Throwable failure) {
            command.close();
            control.close();
            EngineLauncher.end(process);
            throw failure;
        }
    }

    private void died(ExecutionEnv env, String why) {
        env.closeDown(); // JShell then refuses further evals instead of hanging on a dead socket
        EngineControl created = control.get();
        if (created != null) created.dispose();
        onDeath.accept(why);
    }

    /** An engine with JDWP (JDK 20+): Ctrl-C over JDI, its death as JDI's exit event. */
    private ExecutionControl generateWithJdwp(ExecutionEnv env, ServerSocket listener, LaunchToken token)
            throws Throwable {
        // Ends the process itself when it fails; a timeout comes as EngineConnectTimeout.
        EngineLauncher.Launched engine =
                launcher.launch(withShellPid(env.extraRemoteVMOptions()), listener.getLocalPort());
        VirtualMachine vm = engine.vm();
        Process process = engine.process();
        Socket socket = null;
        try {
            token.sendTo(process);
            Util.detectJdiExitEvent(vm, why -> died(env, why)); // also resumes the engine, which JDWP holds
            // One connection only: the listener closes when generate returns, whatever came in.
            socket = acceptEngine(listener, token);
            return connect(env, socket, new JdiStop(vm, agentClass), process);
        } catch (Throwable failure) {
            // No engine may outlive a failed start: JDWP would hold it, or it would wait for a shell that gave up.
            if (socket != null) socket.close();
            disposeQuietly(vm);
            EngineLauncher.end(process);
            throw failure;
        }
    }

    /** The engine's command connection, kept only when it carries this launch's token. */
    private Socket acceptEngine(ServerSocket listener, LaunchToken token) throws IOException, EngineConnectTimeout {
        Socket socket;
        try {
            socket = listener.accept();
        } catch (SocketTimeoutException e) {
            throw new EngineConnectTimeout(
                    timeout, e); // the process runs (and JDWP connected, if any) but the agent never did
        }
        try {
            socket.setSoTimeout(timeoutMillis());
            token.expectFrom(socket);
            socket.setSoTimeout(0);
        } catch (IOException notTheEngine) {
            socket.close();
            throw notTheEngine;
        }
        socket.setTcpNoDelay(true);
        return socket;
    }

    private ExecutionControl connect(ExecutionEnv env, Socket socket, EngineStop engineStop, Process process)
            throws IOException {
        OutputStream out = socket.getOutputStream(); // out before in, as the agent creates them
        Map<String, OutputStream> outputs = new HashMap<>();
        outputs.put("out", env.userOut());
        outputs.put("err", env.userErr());
        Map<String, InputStream> inputs = new HashMap<>();
        inputs.put("in", env.userIn());
        return Util.remoteInputOutput(socket.getInputStream(), out, outputs, inputs, (in, cmdOut) -> {
            // Fail closed: without the filter every class on the shell's class path could be instantiated.
            if (!(in instanceof ObjectInputStream))
                throw new IllegalStateException("no filterable reply stream: " + in);
            ((ObjectInputStream) in).setObjectInputFilter(new ReplyFilter());
            if (!(cmdOut instanceof ObjectOutputStream))
                throw new IllegalStateException("no resettable command stream: " + cmdOut);
            EngineControl created =
                    new EngineControl(new ResettingObjectOutput((ObjectOutputStream) cmdOut), in, engineStop, process);
            control.set(created);
            return created;
        });
    }

    private static void disposeQuietly(VirtualMachine vm) {
        try {
            vm.dispose();
        } catch (com.sun.jdi.VMDisconnectedException alreadyGone) {
            // the engine died first: nothing to release
        }
    }

    private int timeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    /**
     * The engine refuses to start unless this names its parent (LaunchCheck). Last, so a user's {@code -R-D…}
     * cannot replace it.
     */
    private static List<String> withShellPid(List<String> vmOptions) {
        List<String> options = new ArrayList<>(vmOptions);
        options.add("-D" + EngineProtocol.SHELL_PID_PROPERTY + "="
                + ProcessHandle.current().pid());
        return options;
    }
}
