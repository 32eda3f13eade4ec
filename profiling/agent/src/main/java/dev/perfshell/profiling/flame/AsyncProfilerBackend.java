package dev.perfshell.profiling.flame;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * async-profiler (tools.profiler:async-profiler) in the engine. Its jar comes from the front end and is loaded
 * in a class loader of its own, like JOL: it never joins the engine's class path, so snippets cannot see it,
 * and its native library loads only when %flame first runs. The library for this OS and architecture is
 * copied out of the jar once into a per-user cache ({@link NativeLibraryCache}), because the JVM loads native
 * code from files only.
 *
 * <p>Everything goes through {@code execute(String)}, async-profiler's command language, and
 * {@code addThread}: the {@code filter} option then samples only the thread that runs the statement
 * (with {@code --threads}, every thread instead).
 */
final class AsyncProfilerBackend implements SamplingBackend {
    private static final String CLASS = "one.profiler.AsyncProfiler";

    private final Object profiler;
    private final Method execute;
    private final Method addThread;
    /** The running profile writes a JFR recording. */
    private boolean jfr;

    private AsyncProfilerBackend(Object profiler) throws NoSuchMethodException {
        this.profiler = profiler;
        this.execute = profiler.getClass().getMethod("execute", String.class);
        this.addThread = profiler.getClass().getMethod("addThread", Thread.class);
    }

    /** Loads the jar and its native library; throws with the reason when this platform has none or it will not load. */
    static AsyncProfilerBackend load(String jar) throws Exception {
        if (jar == null)
            throw new IllegalStateException("its jar is not on the shell's class path (rebuild with mvn install)");
        String resource = nativeResource();
        ClassLoader loader = new URLClassLoader(
                "perfshell-async-profiler",
                new URL[] {Path.of(jar).toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
        byte[] bytes;
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(jar + " has no " + resource);
            bytes = in.readAllBytes();
        }
        Path library = NativeLibraryCache.place("libasyncProfiler", bytes);
        Class<?> type = Class.forName(CLASS, true, loader);
        try {
            return new AsyncProfilerBackend(
                    type.getMethod("getInstance", String.class).invoke(null, library.toString()));
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The jar's folder for this platform: linux-x64, linux-arm64 or macos. */
    static String nativeResource() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String folder;
        if (os.contains("mac")) folder = "macos";
        else if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) folder = "linux-x64";
        else if (os.contains("linux") && arch.equals("aarch64")) folder = "linux-arm64";
        else throw new IllegalStateException("async-profiler has no library for " + os + "/" + arch);
        return folder + "/libasyncProfiler.so";
    }

    @Override
    public String name() {
        return "async-profiler";
    }

    @Override
    public Started start(Options options) throws Exception {
        jfr = options.jfrFile() != null;
        try {
            return new Started(startAs(options.event(), options), "");
        } catch (IllegalStateException refused) {
            // perf_events refused (perf_event_paranoid, seccomp in containers): itimer needs no permission
            if (!options.event().equals("cpu")) throw refused;
            String why =
                    "perf events unavailable (" + refused.getMessage() + "; perf_event_paranoid=" + paranoid() + ")";
            return new Started(startAs("itimer", options), why);
        }
    }

    /** async-profiler's start command for these options; commas separate its options, so a path may hold none. */
    static String command(String event, Options options) {
        StringBuilder command = new StringBuilder("start,event=").append(event);
        // threads: every thread, each stack under a [NAME tid=N] frame; otherwise only the statement's thread
        command.append(options.threads() ? ",threads" : ",filter");
        if (options.interval() != null) command.append(",interval=").append(options.interval());
        if (options.jfrFile() != null) {
            String file = options.jfrFile().toString();
            if (file.contains(","))
                throw new IllegalArgumentException("async-profiler cannot write to a path with a comma: " + file);
            command.append(",jfr,file=").append(file);
        }
        return command.toString();
    }

    private String startAs(String event, Options options) throws Exception {
        execute(command(event, options));
        if (!options.threads()) addThread.invoke(profiler, Thread.currentThread());
        return event;
    }

    @Override
    public String stop() throws Exception {
        if (!jfr) {
            execute("stop");
            return execute("collapsed");
        }
        // With JFR output async-profiler hands its samples to the recording at stop and has none left to fold
        // ("All samples were filtered out"), so the stacks are read while it still runs; the statement's loop
        // has ended by now, so nothing of it is missed.
        String collapsed = execute("collapsed");
        execute("stop");
        return collapsed;
    }

    @Override
    public List<String> events() {
        List<String> events = new ArrayList<>();
        try {
            for (String line : execute("list").split("\n")) {
                String event = line.strip();
                if (List.of("cpu", "alloc", "wall", "lock", "itimer", "ctimer").contains(event)) events.add(event);
            }
        } catch (Exception e) {
            events.add("(list failed: " + e.getMessage() + ")");
        }
        return events;
    }

    private String execute(String command) throws Exception {
        try {
            return (String) execute.invoke(profiler, command);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    static String paranoid() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/perf_event_paranoid"))
                    .strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
