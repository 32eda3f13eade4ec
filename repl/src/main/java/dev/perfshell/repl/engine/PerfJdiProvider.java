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
import java.nio.file.Path;
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
 * {@link Process}, and an engine JDK other than the shell's.
 */
final class PerfJdiProvider implements ExecutionControlProvider {
    private static final int TIMEOUT_MILLIS = 20_000;

    private final String agentClass;
    private final Path engineJavaHome;
    private final Consumer<String> onDeath;
    private final AtomicReference<PerfJdiControl> control = new AtomicReference<>();

    PerfJdiProvider(String agentClass, Path engineJavaHome, Consumer<String> onDeath) {
        this.agentClass = agentClass;
        this.engineJavaHome = engineJavaHome;
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
            listener.setSoTimeout(TIMEOUT_MILLIS);
            LaunchToken token = LaunchToken.create();
            JdiInitiator initiator = launch(withShellPid(env.extraRemoteVMOptions()), listener.getLocalPort());
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
            Socket socket = listener.accept();
            try {
                socket.setSoTimeout(TIMEOUT_MILLIS);
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
            return new JdiInitiator(port, vmOptions, agentClass, false, "127.0.0.1", TIMEOUT_MILLIS, Map.of());
        } finally {
            System.setProperty("java.home", ownHome);
        }
    }
}
