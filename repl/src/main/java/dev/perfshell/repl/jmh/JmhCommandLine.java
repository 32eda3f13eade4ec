package dev.perfshell.repl.jmh;

import dev.perfshell.repl.link.EngineCommandLine;
import dev.perfshell.repl.link.EngineSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The flags of a {@code %jmh} run's three programs, from the engine's spec: javac's options, the runner JVM's command
 * and the forks' {@code -jvmArgs}. Each decides what the benchmark is compiled and measured under, so they are kept
 * together, out of the magic, and tested without starting a JVM.
 */
public final class JmhCommandLine {
    private JmhCommandLine() {}

    /** javac's options beyond the compiler's own: the engine's preview features and added modules. */
    public static List<String> javacOptions(EngineSpec spec) {
        List<String> options = new ArrayList<>();
        if (spec.enablePreview())
            options.addAll(List.of(
                    "--enable-preview",
                    "--release",
                    String.valueOf(Runtime.version().feature())));
        if (!spec.addModules().isEmpty()) options.add("--add-modules=" + String.join(",", spec.addModules()));
        return options;
    }

    /**
     * The runner JVM's command. It only orchestrates, so it starts quickly; its own flags never
     * reach the forks, which get exactly the {@code -jvmArgs} JMH is given.
     */
    public static List<String> runner(EngineSpec spec, List<String> runPath) {
        List<String> command = new ArrayList<>(List.of(
                spec.javaLauncher().toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xshare:auto",
                // Compiler blackholes, as JMH's auto-detection finds on every JDK 17+, without the
                // probe JVM it starts to find out (0.25 s).
                "-Djmh.blackhole.autoDetect=false",
                "-Djmh.blackhole.mode=COMPILER"));
        if (spec.feature() >= 23) command.add("--sun-misc-unsafe-memory-access=allow");
        command.addAll(List.of(
                "-cp", String.join(java.io.File.pathSeparator, runPath), "dev.perfshell.timing.runtime.JmhHost"));
        return command;
    }

    /**
     * The fork's flags, named explicitly: without -jvmArgs JMH hands the fork its host's own flags (the runner JVM's
     * C1-only, Serial-GC start-up flags), and the benchmark would be measured under them.
     *
     * @param resetAgent the jar whose agent resets the profiles the session replay trained, or {@code null} when the
     *                   replay runs no code or the runtime is not a jar (a build's classes folder cannot be an agent:
     *                   the fork then says "not reset"); with it, tier 3 profiling while the C2 queue is long, as in the
     *                   engine (EngineCommandLine: right after a reset the queue is long)
     * @param jvmArgs    {@code --jvm-args}: the user's own flags, space-separated, or {@code null}
     */
    public static List<String> forkJvmArgs(EngineSpec spec, String resetAgent, String jvmArgs) {
        List<String> args = new ArrayList<>(List.of("-Dfile.encoding=UTF-8"));
        if (resetAgent != null) args.addAll(List.of("-javaagent:" + resetAgent, EngineCommandLine.TIER3_WHILE_C2_BUSY));
        if (spec.feature() >= 23) args.add("--sun-misc-unsafe-memory-access=allow");
        if (spec.enablePreview()) args.add("--enable-preview");
        args.addAll(spec.engineOptions());
        if (jvmArgs != null && !jvmArgs.isBlank())
            args.addAll(List.of(jvmArgs.strip().split("\\s+")));
        return args;
    }
}
