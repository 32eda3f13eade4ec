package dev.perfshell.repl.jmh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * JMH's runner in a child JVM ({@code JmhHost}, which hands its arguments to
 * {@code org.openjdk.jmh.Main}). No class-loader or system-property tricks in the shell, and
 * nothing of the shell's own JVM (agents, flags) reaches the benchmark.
 * The JVM is started before the benchmark is compiled and waits for its arguments, so its start
 * overlaps the compile. {@link #stop()} ends it and the forks it started.
 */
public final class JmhProcess implements AutoCloseable {
    private final Process process;
    private volatile boolean stopped;

    /** What the child printed and how it ended. */
    public record Outcome(int exitCode, List<String> output, boolean stopped) {}

    private JmhProcess(Process process) {
        this.process = process;
    }

    /** Starts the runner JVM; it waits for {@link #run}'s arguments. */
    public static JmhProcess start(List<String> command) throws IOException {
        return new JmhProcess(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** Gives JMH its arguments and runs it to the end, passing each line of output to {@code lines} as it comes. */
    public Outcome run(List<String> arguments, Consumer<String> lines) throws IOException, InterruptedException {
        try (OutputStream in = process.getOutputStream()) {
            for (String argument : arguments) {
                if (argument.isEmpty() || argument.contains("\n"))
                    throw new IllegalArgumentException("JMH argument '" + argument + "'");
                in.write((argument + "\n").getBytes(StandardCharsets.UTF_8));
            }
            in.write('\n');
        } catch (IOException gone) {
            if (!stopped) throw gone;
        }
        List<String> output = new ArrayList<>();
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                lines.accept(line);
            }
        } catch (IOException closed) {
            // stop() destroyed the process under the reader: the stream closes mid-read
            if (!stopped) throw closed;
        }
        int exit = process.waitFor();
        return new Outcome(exit, List.copyOf(output), stopped);
    }

    /** Ctrl-C: ends the forks first (they would otherwise outlive their host), then the host. */
    public void stop() {
        stopped = true;
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Ends the runner if it is still waiting (the benchmark did not compile) or running. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
