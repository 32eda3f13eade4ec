package dev.perfshell.repl.engine;

import dev.perfshell.engine.EngineProtocol;
import com.sun.jdi.VirtualMachine;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

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

/**
 * Our {@link ExecutionControlProvider}: the stock JDI engine's launch sequence, plus what the
 * stock one cannot give (DESIGN.md §2.1): TCP_NODELAY on the command socket (188 ms per eval
 * otherwise), a loopback-only JDWP handshake, a deserialization allow-list on replies ({@link ReplyFilter}),
 * a launch token so only the engine it started is accepted on its port ({@link LaunchToken}), the engine
 * {@link Process}, and an engine JDK other than the shell's ({@link EngineLauncher}).
 */
final class PerfJdiProvider implements ExecutionControlProvider {
    private final String agentClass;
    private final EngineLauncher launcher;
    private final Duration timeout;
    private final Consumer<String> onDeath;
    private final AtomicReference<PerfJdiControl> control = new AtomicReference<>();

    /**
     * @param java    the engine JDK's {@code bin/java}
     * @param timeout how long the engine JVM may take to connect, both for JDWP and for the command socket
     */
    PerfJdiProvider(String agentClass, Path java, Duration timeout, Consumer<String> onDeath) {
        this.agentClass = agentClass;
        this.launcher = new EngineLauncher(java, agentClass, timeout);
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
            // Ends the process itself when it fails; a timeout comes as EngineConnectTimeout.
            EngineLauncher.Launched engine = launcher.launch(withShellPid(env.extraRemoteVMOptions()), listener.getLocalPort());
            VirtualMachine vm = engine.vm();
            Process process = engine.process();
            Socket socket = null;
            try {
                token.sendTo(process);
                Util.detectJdiExitEvent(vm, why -> {
                    env.closeDown(); // JShell then refuses further evals instead of hanging on a dead socket
                    PerfJdiControl created = control.get();
                    if (created != null) created.dispose();
                    onDeath.accept(why);
                });
                // One connection only: the listener closes when this method returns, whatever came in.
                socket = acceptEngine(listener, token);
                return connect(env, socket, vm, process);
            } catch (Throwable failure) {
                // No engine may outlive a failed start: JDWP would hold it, or it would wait for a shell that gave up.
                if (socket != null) socket.close();
                disposeQuietly(vm);
                process.destroyForcibly();
                throw failure;
            }
        }
    }

    /** The engine's command connection, kept only when it carries this launch's token. */
    private Socket acceptEngine(ServerSocket listener, LaunchToken token) throws IOException, EngineConnectTimeout {
        Socket socket;
        try {
            socket = listener.accept();
        } catch (SocketTimeoutException e) {
            throw new EngineConnectTimeout(timeout, e); // JDWP connected but the agent never did
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

    private ExecutionControl connect(ExecutionEnv env, Socket socket, VirtualMachine vm, Process process) throws IOException {
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
            if (!(cmdOut instanceof ObjectOutputStream)) throw new IllegalStateException("no resettable command stream: " + cmdOut);
            PerfJdiControl created = new PerfJdiControl(new ResettingObjectOutput((ObjectOutputStream) cmdOut), in, vm, process, agentClass);
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
        options.add("-D" + EngineProtocol.SHELL_PID_PROPERTY + "=" + ProcessHandle.current().pid());
        return options;
    }
}
