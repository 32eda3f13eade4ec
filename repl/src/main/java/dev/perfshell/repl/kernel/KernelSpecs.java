package dev.perfshell.repl.kernel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Jupyter's kernel specs for perfshell: a folder {@code kernels/NAME/} holding {@code kernel.json}, under one of the
 * data folders Jupyter searches (the user's, an environment's {@code sys.prefix}, any {@code --prefix}), as {@code
 * jupyter kernelspec install} lays them out.
 */
public final class KernelSpecs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private KernelSpecs() {}

    /** Where the kernel spec folder goes: {@code --prefix DIR} wins, then {@code --sys-prefix}, else the user's. */
    public static Path folder(Map<String, String> env, Path prefix, boolean sysPrefix, String name) throws IOException {
        Path data;
        if (prefix != null) data = prefix.resolve("share/jupyter");
        else if (sysPrefix) data = pythonPrefix().resolve("share/jupyter");
        else if (env.get("JUPYTER_DATA_DIR") != null) data = Path.of(env.get("JUPYTER_DATA_DIR"));
        else data = Path.of(System.getProperty("user.home"), ".local/share/jupyter");
        return data.resolve("kernels").resolve(name).toAbsolutePath().normalize();
    }

    /**
     * Writes {@code kernel.json}: Jupyter starts {@code launcher} with the shell's options (class path, engine
     * options, engine JDK) and {@code kernel run {connection_file}}. Interrupts come as messages: a signal would reach
     * the engine JVM too (it shares the process group) and end it.
     */
    /**
     * @param env the installing shell's environment: its {@code PERFSHELL_HOME}, if set, is the kernel's too (the
     *            history and flame graphs go where the user put them, whoever starts the kernel)
     */
    public static Path install(
            Path folder, List<String> launcher, List<String> shellOptions, String displayName, Map<String, String> env)
            throws IOException {
        Files.createDirectories(folder);
        ObjectNode spec = JSON.createObjectNode();
        ArrayNode argv = spec.putArray("argv");
        launcher.forEach(argv::add);
        shellOptions.forEach(argv::add);
        argv.add("kernel").add("run").add("{connection_file}");
        spec.put("display_name", displayName);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        ObjectNode kernelEnv = spec.putObject("env");
        if (env.get("PERFSHELL_HOME") != null)
            kernelEnv.put(
                    "PERFSHELL_HOME",
                    Path.of(env.get("PERFSHELL_HOME")).toAbsolutePath().toString());
        spec.putObject("metadata");
        Path file = folder.resolve("kernel.json");
        Files.writeString(
                file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(spec) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    /** Removes the spec folder; false when there was none. */
    public static boolean uninstall(Path folder) throws IOException {
        if (!Files.isRegularFile(folder.resolve("kernel.json"))) return false;
        try (var files = Files.walk(folder)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(path);
        }
        return true;
    }

    /**
     * How to start perfshell again: the launcher script the shell was started by ({@code scripts/perfshell} sets
     * {@code perfshell.launcher}), else this JVM's java with its class path.
     */
    public static List<String> launcher() {
        String script = System.getProperty("perfshell.launcher");
        if (script != null && Files.isExecutable(Path.of(script))) return List.of(script);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.perfshell.repl.Main");
        return command;
    }

    private static Path pythonPrefix() throws IOException {
        Process python = new ProcessBuilder("python3", "-c", "import sys; print(sys.prefix)")
                .redirectErrorStream(true)
                .start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (python.waitFor() != 0 || out.isEmpty())
                throw new IOException("python3 did not say its sys.prefix (" + out + "). Next: --prefix DIR or --user");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking python3 for sys.prefix");
        }
        return Path.of(out);
    }
}
