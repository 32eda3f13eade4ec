package dev.perfshell.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the real launcher, {@code scripts/perfshell}, as a user would: a fresh process per call,
 * {@code PERFSHELL_HOME} pointed at a temporary folder, a timeout on every process.
 */
final class Perfshell {
    /** Generous: the launcher may build on first start; a healthy run takes a few seconds. */
    static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(180);

    static final Duration OUTPUT_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern ENGINE_PID = Pattern.compile("Engine JVM .*\\bpid (\\d+)");

    private Perfshell() {}

    /** The repository root: the {@code perfshell.home} system property, or found upwards from here. */
    static Path repoRoot() {
        String home = System.getProperty("perfshell.home");
        if (home != null && !home.isBlank() && Files.isRegularFile(Path.of(home, "scripts", "perfshell"))) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts/perfshell"))) return dir;
        }
        throw new IllegalStateException("cannot find scripts/perfshell: set -Dperfshell.home=<repo root>");
    }

    static Path launcher() {
        return repoRoot().resolve("scripts/perfshell");
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        return command;
    }

    static ProcessBuilder builder(Path home, String... args) {
        ProcessBuilder pb = new ProcessBuilder(command(args));
        pb.environment().put("PERFSHELL_HOME", home.toString());
        pb.environment().put("NO_COLOR", "1");
        return pb;
    }

    /** The outcome of one headless run. Errors of a script go to stdout, usage errors to stderr. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }

        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit code " + exitCode + "\n--- stdout ---\n" + stdout
                    + "--- stderr ---\n" + stderr;
        }
    }

    /** Runs the launcher with {@code stdin} piped in (null: empty stdin) and waits for it to end. */
    static Result run(Path home, String stdin, String... args) throws IOException, InterruptedException {
        return run(builder(home, args), stdin, home);
    }

    static Result run(ProcessBuilder pb, String stdin, Path scratch) throws IOException, InterruptedException {
        Path out = Files.createTempFile(scratch, "stdout", ".txt");
        Path err = Files.createTempFile(scratch, "stderr", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = pb.start();
        try (OutputStream in = process.getOutputStream()) {
            if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException closedEarly) {
            // The shell may stop reading (a failing line); what it printed tells the story.
        }
        if (!process.waitFor(PROCESS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            killTree(process.toHandle());
            throw new AssertionError("timed out after " + PROCESS_TIMEOUT + ": " + pb.command() + "\n--- stdout ---\n"
                    + Files.readString(out) + "--- stderr ---\n" + Files.readString(err));
        }
        return new Result(pb.command(), process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Writes a script into {@code dir} and runs {@code perfshell run [options] FILE}. */
    static Result runScript(Path home, Path dir, String name, String script, String... options)
            throws IOException, InterruptedException {
        Path file = dir.resolve(name);
        Files.writeString(file, script);
        List<String> args = new ArrayList<>();
        args.add("run");
        args.addAll(List.of(options));
        args.add(file.toString());
        ProcessBuilder pb = builder(home, args.toArray(String[]::new)).directory(dir.toFile());
        return run(pb, null, home);
    }

    static void killTree(ProcessHandle process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** The engine's pid from {@code %env} output ("Engine JVM … pid 1234"). */
    static long enginePid(String envOutput) {
        Matcher m = ENGINE_PID.matcher(envOutput);
        long pid = -1;
        while (m.find()) pid = Long.parseLong(m.group(1)); // the last %env in the output
        if (pid < 0) throw new AssertionError("no 'Engine JVM … pid N' line in:\n" + envOutput);
        return pid;
    }

    /** Waits up to {@code timeout} for the process to be gone; true when it is. */
    static boolean awaitGone(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !handle.get().isAlive()) return true;
            Thread.sleep(50);
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isEmpty() || !handle.get().isAlive();
    }

    /** Sends SIGKILL with {@code kill -9}, as a user would from another terminal (bash's builtin: no procps needed). */
    static void kill9(long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("bash", "-c", "kill -9 " + pid)
                .redirectErrorStream(true)
                .start();
        String said = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill -9 " + pid + " failed: " + said);
        }
    }

    /**
     * A shell fed through a pipe, line by line, while the test reads what it prints (stdout and
     * stderr merged). Piped stdin runs as a script, so the shell evaluates each line as it comes.
     */
    static final class Live implements AutoCloseable {
        private final Process process;
        private final OutputStream stdin;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final Thread pump;
        private final java.util.Set<Long> engines = new java.util.LinkedHashSet<>();

        private Live(Process process) {
            this.process = process;
            this.stdin = process.getOutputStream();
            this.pump = new Thread(
                    () -> {
                        byte[] chunk = new byte[8192];
                        try (InputStream in = process.getInputStream()) {
                            for (int n; (n = in.read(chunk)) >= 0; ) {
                                synchronized (buffer) {
                                    buffer.write(chunk, 0, n);
                                }
                            }
                        } catch (IOException ignored) {
                            // the process ended
                        }
                    },
                    "perfshell-e2e-pump");
            pump.setDaemon(true);
            pump.start();
        }

        static Live start(Path home, String... args) throws IOException {
            return new Live(builder(home, args).redirectErrorStream(true).start());
        }

        long pid() {
            return process.pid();
        }

        ProcessHandle handle() {
            return process.toHandle();
        }

        String output() {
            synchronized (buffer) {
                return buffer.toString(StandardCharsets.UTF_8);
            }
        }

        /** Where the output ends now: pass it to {@link #await} to look only at what comes next. */
        int mark() {
            return output().length();
        }

        void send(String line) throws IOException {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        }

        /** Waits until the output after {@code mark} contains {@code expected}; returns that output. */
        String await(int mark, String expected) throws InterruptedException {
            return await(mark, Pattern.compile(Pattern.quote(expected)));
        }

        String await(int mark, Pattern expected) throws InterruptedException {
            long deadline = System.nanoTime() + OUTPUT_TIMEOUT.toNanos();
            while (true) {
                String since = output().substring(mark);
                if (expected.matcher(since).find()) return since;
                if (System.nanoTime() > deadline || !process.isAlive() && !pump.isAlive()) {
                    since = output().substring(mark);
                    if (expected.matcher(since).find()) return since;
                    throw new AssertionError("expected /" + expected + "/ in the shell's output"
                            + (process.isAlive() ? " within " + OUTPUT_TIMEOUT : " before it exited")
                            + "; full output:\n" + output());
                }
                Thread.sleep(20);
            }
        }

        /** Sends one line and waits for output matching {@code expected}. */
        String eval(String line, String expected) throws IOException, InterruptedException {
            int mark = mark();
            send(line);
            return await(mark, expected);
        }

        /** Asks {@code %env} for the engine's pid (and remembers it, to clean up after a failure). */
        long engine() throws IOException, InterruptedException {
            long pid = enginePid(eval("%env", "Shell JVM"));
            engines.add(pid);
            return pid;
        }

        /** Closes stdin (end of script) and waits for the exit code. */
        int finish() throws IOException, InterruptedException {
            stdin.close();
            if (!process.waitFor(PROCESS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the shell did not exit after end of input; output:\n" + output());
            }
            pump.join(10_000);
            return process.exitValue();
        }

        @Override
        public void close() {
            if (process.isAlive()) killTree(process.toHandle());
            for (long pid : engines) ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
