package dev.perfshell.repl.jmh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * JMH's runner in a child JVM: {@code java -cp … org.openjdk.jmh.Main …}. No class-loader or
 * system-property tricks in the shell, and nothing of the shell's own JVM (agents, flags) reaches
 * the benchmark (red-team.md §9). {@link #stop()} ends it and the forks it started.
 */
public final class JmhProcess {
    private final List<String> command;
    private volatile Process process;
    private volatile boolean stopped;

    /** What the child printed and how it ended. */
    public record Outcome(int exitCode, List<String> output, boolean stopped) {}

    public JmhProcess(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** Runs to the end, passing each line of output to {@code lines} as it comes. */
    public Outcome run(Consumer<String> lines) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process started = builder.start();
        started.getOutputStream().close();
        process = started;
        if (stopped) stop();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                lines.accept(line);
            }
        } catch (IOException closed) {
            // stop() destroyed the process under the reader: the stream closes mid-read
            if (!stopped) throw closed;
        } finally {
            if (Thread.currentThread().isInterrupted()) stop();
        }
        int exit = started.waitFor();
        return new Outcome(exit, List.copyOf(output), stopped);
    }

    /** Ctrl-C: ends the forks first (they would otherwise outlive their host), then the host. */
    public void stop() {
        stopped = true;
        Process running = process;
        if (running == null) return;
        running.descendants().forEach(ProcessHandle::destroyForcibly);
        running.destroyForcibly();
    }

    public List<String> command() {
        return command;
    }
}
