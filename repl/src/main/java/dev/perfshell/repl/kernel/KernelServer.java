package dev.perfshell.repl.kernel;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineSpec;
import dev.perfshell.repl.magic.MagicRegistry;
import dev.perfshell.repl.session.EngineIo;
import dev.perfshell.repl.session.Session;
import dev.perfshell.repl.shell.Shell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

/**
 * {@code perfshell kernel run CONNECTION_FILE}: the kernel process Jupyter starts. The engine starts while the
 * sockets open; the session lives until Jupyter asks the kernel to shut down (a restart is a shutdown and a new
 * process).
 */
public final class KernelServer {
    private KernelServer() {}

    public static void run(Path connectionFile, EngineSpec spec, Map<String, String> env) throws Exception {
        if (!Files.isReadable(connectionFile))
            throw new IOException("cannot read the connection file " + connectionFile + ". Next: Jupyter writes it and"
                    + " starts this command itself: perfshell kernel install, then pick perfshell in a notebook");
        KernelConnectionProperties properties =
                KernelConnectionProperties.parse(Files.readString(connectionFile, StandardCharsets.UTF_8));
        JupyterIO io = new JupyterIO(StandardCharsets.UTF_8);
        LineCapture errors = new LineCapture();
        KernelDisplay display = new KernelDisplay(io);
        Console console = PerfshellKernel.console(io, errors, display);
        Session session = Session.start(spec, new EngineIo(io.in, console.userStream(), console.userStream()));
        try {
            Shell shell = new Shell(session, console, MagicRegistry.standard(), env);
            PerfshellKernel kernel = new PerfshellKernel(io, shell, errors, display);
            JupyterConnection connection = new JupyterConnection(properties);
            kernel.onStartup();
            kernel.becomeHandlerForConnection(connection);
            connection.connect();
            connection.waitUntilClose();
        } catch (IOException e) {
            throw new IOException("cannot serve " + connectionFile + ": " + e.getMessage(), e);
        } finally {
            session.close();
        }
    }
}
