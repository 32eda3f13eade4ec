package dev.perfshell.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The interactive shell in a real pseudo-terminal: a detached tmux session of fixed size, driven
 * with {@code send-keys} and read with {@code capture-pane}. Each test gets its own tmux server
 * (own socket, no user configuration), so nothing leaks into the user's tmux.
 */
final class Tmux implements AutoCloseable {
    static final String PROMPT = "perf>";
    private static final String EXIT_STATUS = "[perfshell exit status ";
    static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String socket;
    private final String session;
    private final Path config;

    private Tmux(String socket, String session, Path config) {
        this.socket = socket;
        this.session = session;
        this.config = config;
    }

    static boolean available() {
        try {
            Process p =
                    new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Starts {@code scripts/perfshell args} in a 120x40 tmux pane and waits for the first prompt. */
    static Tmux start(Path home, String... args) throws IOException, InterruptedException {
        return start(home, java.util.Map.of("PERFSHELL_HOME", home.toString()), args);
    }

    /**
     * Starts {@code scripts/perfshell args} with these environment variables (e.g. a {@code PERFSHELL_HOME} other
     * than the scratch folder, where tmux's configuration goes) and waits for the first prompt.
     */
    static Tmux start(Path scratch, java.util.Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        String name = "perfshell-e2e-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet();
        Path config = Files.createTempFile(scratch, "tmux", ".conf");
        // The pane stays after the shell exits, so a test can read its last words and exit status.
        Files.writeString(config, "set -g remain-on-exit on\nset -g history-limit 20000\nset -g status off\n");
        StringBuilder command = new StringBuilder("env");
        for (java.util.Map.Entry<String, String> variable : new java.util.TreeMap<>(env).entrySet()) {
            command.append(' ').append(variable.getKey()).append('=').append(quote(variable.getValue()));
        }
        command.append(' ').append(quote(Perfshell.launcher().toString()));
        for (String arg : args) command.append(' ').append(quote(arg));
        // The pane's sh waits for the shell and reports its exit status.
        command.append("; echo \"").append(EXIT_STATUS).append("$?]\"");
        Tmux tmux = new Tmux(name, name, config);
        tmux.tmux(
                "-f", config.toString(), "new-session", "-d", "-s", name, "-x", "120", "-y", "40", command.toString());
        tmux.awaitPrompt(0);
        return tmux;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /** Runs a tmux command against this test's server and returns its stdout. */
    String tmux(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tmux hung: " + command);
        }
        String text = new String(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) throw new IOException("tmux failed (" + p.exitValue() + "): " + command + "\n" + text);
        return text;
    }

    /** Types text literally (sent as hex bytes, so tmux never parses ';' or key names in it). */
    void type(String text) throws IOException, InterruptedException {
        if (text.isEmpty()) return;
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session, "-H"));
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) args.add(String.format("%02x", b & 0xff));
        tmux(args.toArray(String[]::new));
    }

    /** Presses keys by tmux name: Enter, Tab, Up, C-c, C-d, C-u. */
    void keys(String... keys) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", session));
        args.addAll(List.of(keys));
        tmux(args.toArray(String[]::new));
    }

    /** The whole pane with its scroll-back, wrapped lines joined, trailing blanks removed. */
    List<String> lines() throws IOException, InterruptedException {
        String text = tmux("capture-pane", "-p", "-J", "-S", "-", "-t", session);
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) lines.add(line.stripTrailing());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        return lines;
    }

    String screen() throws IOException, InterruptedException {
        return String.join("\n", lines());
    }

    String lastLine() throws IOException, InterruptedException {
        List<String> lines = lines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    static long promptCount(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith(PROMPT)).count();
    }

    long promptCount() throws IOException, InterruptedException {
        return promptCount(lines());
    }

    /** Polls the pane until {@code condition} holds, or fails with the pane's content. */
    List<String> await(String what, Predicate<List<String>> condition) throws IOException, InterruptedException {
        return await(what, condition, DEADLINE);
    }

    List<String> await(String what, Predicate<List<String>> condition, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<String> lines = lines();
            if (condition.test(lines)) return lines;
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "waited " + timeout + " for " + what + "; the pane shows:\n" + String.join("\n", lines));
            }
            Thread.sleep(10);
        }
    }

    /** Waits for an empty prompt that is the (more than {@code before})-th prompt on the pane. */
    List<String> awaitPrompt(long before) throws IOException, InterruptedException {
        return await("prompt number " + (before + 1), lines -> isIdleAtPrompt(lines, before));
    }

    static boolean isIdleAtPrompt(List<String> lines, long before) {
        return promptCount(lines) > before
                && !lines.isEmpty()
                && lines.get(lines.size() - 1).equals(PROMPT);
    }

    /** Types one input line, presses Enter, waits for the next prompt; returns what was printed in between. */
    String run(String input) throws IOException, InterruptedException {
        long before = promptCount();
        type(input);
        keys("Enter");
        List<String> lines = awaitPrompt(before);
        return outputOfLastInput(lines);
    }

    /** The lines after the last input prompt ("perf> something") up to the final empty prompt. */
    static String outputOfLastInput(List<String> lines) {
        int end = lines.size() - 1;
        int start = end - 1;
        while (start >= 0 && !lines.get(start).startsWith(PROMPT)) start--;
        return String.join("\n", lines.subList(Math.max(0, start + 1), end));
    }

    /** The pid of the shell: the launcher, which execs the shell JVM, a child of the pane's sh. */
    long shellPid() throws IOException, InterruptedException {
        long pane = Long.parseLong(
                tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip());
        return ProcessHandle.of(pane)
                .orElseThrow()
                .children()
                .findFirst()
                .orElseThrow()
                .pid();
    }

    boolean paneDead() throws IOException, InterruptedException {
        return "1"
                .equals(tmux("display-message", "-p", "-t", session, "#{pane_dead}")
                        .strip());
    }

    /** Waits for the shell to exit; returns its exit status. */
    int awaitExit() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!paneDead()) {
            if (System.nanoTime() > deadline)
                throw new AssertionError("the shell did not exit; the pane shows:\n" + screen());
            Thread.sleep(20);
        }
        String screen = screen();
        int at = screen.lastIndexOf(EXIT_STATUS);
        if (at < 0) throw new AssertionError("no exit status; the pane shows:\n" + screen);
        return Integer.parseInt(screen.substring(at + EXIT_STATUS.length(), screen.indexOf(']', at)));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            long pane = Long.parseLong(
                    tmux("display-message", "-p", "-t", session, "#{pane_pid}").strip());
            ProcessHandle.of(pane).ifPresent(Perfshell::killTree);
        } catch (IOException | RuntimeException ignored) {
            // already gone
        }
        try {
            tmux("kill-server");
        } catch (IOException ignored) {
            // already gone
        }
        Files.deleteIfExists(config);
    }
}
