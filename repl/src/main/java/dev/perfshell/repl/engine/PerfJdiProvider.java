package dev.perfshell.repl.engine;

import com.sun.jdi.VirtualMachine;
import jdk.jshell.execution.JdiInitiator;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Our {@link ExecutionControlProvider}: the stock JDI engine's launch sequence, plus what the
 * stock one cannot give (DESIGN.md §2.1): TCP_NODELAY on the command socket (188 ms per eval
 * otherwise), a loopback-only JDWP handshake, a deserialization filter on replies, the engine
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
            JdiInitiator initiator = launch(env.extraRemoteVMOptions(), listener.getLocalPort());
            VirtualMachine vm = initiator.vm();
            Process process = initiator.process();
            Util.detectJdiExitEvent(vm, why -> {
                env.closeDown(); // JShell then refuses further evals instead of hanging on a dead socket
                PerfJdiControl created = control.get();
                if (created != null) created.dispose();
                onDeath.accept(why);
            });
            Socket socket = listener.accept();
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream(); // out before in, as the agent creates them
            Map<String, OutputStream> outputs = new HashMap<>();
            outputs.put("out", env.userOut());
            outputs.put("err", env.userErr());
            Map<String, InputStream> inputs = new HashMap<>();
            inputs.put("in", env.userIn());
            return Util.remoteInputOutput(socket.getInputStream(), out, outputs, inputs, (in, cmdOut) -> {
                if (in instanceof ObjectInputStream) ((ObjectInputStream) in).setObjectInputFilter(REPLY_FILTER);
                PerfJdiControl created = new PerfJdiControl(cmdOut, in, vm, process, agentClass);
                control.set(created);
                return created;
            });
        }
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

    /** Replies are JDK values only: anything else is refused rather than instantiated. */
    private static final ObjectInputFilter REPLY_FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=20;java.lang.*;java.util.*;java.time.*;java.math.*;!*");
}
