package dev.perfshell.repl.link;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The engine JVM's options, in one place so {@code %env} shows exactly what was launched. */
public final class EngineCommandLine {
    private EngineCommandLine() {}

    static List<String> vmOptions(EngineSpec spec, Path engineJar) {
        List<String> options = new ArrayList<>();
        // The engine sees only its own jar: never the shell's JLine, picocli or Commons Math.
        options.add("-cp");
        options.add(engineJar.toString());
        options.add("-javaagent:" + engineJar);
        options.add("-Dfile.encoding=UTF-8");
        options.add("-Dstdout.encoding=UTF-8");
        options.add("-Dstderr.encoding=UTF-8");
        // Debug information for sampling profilers at safepoint-free points; it changes no code.
        options.add("-XX:+UnlockDiagnosticVMOptions");
        options.add("-XX:+DebugNonSafepoints");
        // %flame loads async-profiler's native library (System.load from its own unnamed module). JDK 22+ call that
        // a restricted method: 24+ print a four-line warning to the engine's stderr on first use, and a later release
        // will refuse it unless native access is granted. ALL-UNNAMED grants it to class-path and loader-made modules.
        if (engineFeature(spec) >= 22) options.add("--enable-native-access=ALL-UNNAMED");
        // Tier 3 (C1 with profiling) even while the C2 queue is long. By default HotSpot then compiles hot methods at
        // tier 2, which gathers no type profile, and C2 builds their callers blind to the types at their call sites. A
        // forked JVM's queue is short once it warms up; this engine's is long right after %timeit's profile reset
        // (docs/history.md): LongStream.range(0, 1_000_000).sum() read 1.65 ms instead of 0.31 ms in 3 of 24 timings
        // with the default, in 0 of 40 with this.
        options.add(TIER3_WHILE_C2_BUSY);
        addStartupArchive(options, spec);
        addJmhCompilerHints(options, spec);
        if (spec.enablePreview()) options.add("--enable-preview");
        if (!spec.addModules().isEmpty()) options.add("--add-modules=" + String.join(",", spec.addModules()));
        options.addAll(spec.engineOptions()); // last, so the user's options win
        return options;
    }

    /** See {@link #vmOptions}: tier 3 (profiling) even while the C2 queue is long, as right after a profile reset. */
    public static final String TIER3_WHILE_C2_BUSY = "-XX:Tier3DelayOn=100000";

    /**
     * JMH's compiler hints (its runner/CompilerHints), which {@code %timeit}'s generated loops rely
     * on. Without the experimental unlock the blackhole command is dropped with a warning and
     * every consumed value becomes dead code (measured: 0.154 ns instead of 2.40), so the
     * unlock comes with it. {@code quiet} keeps HotSpot's "CompileCommand: ..." lines out of the
     * terminal. The generated payload is inlined into its loop; the loop stays a call of its own.
     */
    private static void addJmhCompilerHints(List<String> options, EngineSpec spec) {
        options.add("-XX:CompileCommand=quiet");
        if (!spec.fullBlackhole()) {
            options.add("-XX:+UnlockExperimentalVMOptions");
            options.add("-DcompilerBlackholesEnabled=true");
            options.add("-XX:CompileCommand=blackhole,org/openjdk/jmh/infra/Blackhole.consumeCompiler");
        }
        options.add("-XX:CompileCommand=inline,org/openjdk/jmh/infra/Blackhole.consume");
        options.add("-XX:CompileCommand=dontinline,org/openjdk/jmh/infra/Blackhole.consumeFull");
        options.add("-XX:CompileCommand=inline,*::perfshell$payload");
        options.add("-XX:CompileCommand=dontinline,*::perfshell$loop*");
        // JDK 23+ warns when JMH's Blackhole touches sun.misc.Unsafe.
        if (engineFeature(spec) >= 23) options.add("--sun-misc-unsafe-memory-access=allow");
    }

    /** The engine JDK's feature release: the shell's own, or what --engine-jdk's release file says. */
    static int engineFeature(EngineSpec spec) {
        if (spec.engineJdk() == null) return Runtime.version().feature();
        try {
            for (String line : Files.readAllLines(spec.engineJdk().resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Runtime.Version.parse(version).feature();
                }
            }
        } catch (java.io.IOException | IllegalArgumentException unknown) {
            // fall through: assume an older JDK, which needs no extra flag
        }
        return Runtime.version().feature();
    }

    /**
     * Start-up only: the class-data archive of the engine's own classes that the launcher made for
     * this JDK and engine jar (scripts/perfshell), named by {@code -Dperfshell.engine.cds}. Classes
     * are mapped from it instead of being loaded and verified one by one; the code that runs is the
     * same. {@code -Xshare:auto}: an archive that does not fit is ignored, and {@code -Xlog:cds=off}
     * keeps that silent. An archive fits one JVM build, so never with {@code --engine-jdk}. The
     * user's {@code -R} options come later and win (e.g. {@code -R-Xshare:off}).
     */
    private static void addStartupArchive(List<String> options, EngineSpec spec) {
        String archive = System.getProperty("perfshell.engine.cds");
        if (archive == null || archive.isEmpty() || spec.engineJdk() != null || !Files.isRegularFile(Path.of(archive)))
            return;
        options.add("-XX:SharedArchiveFile=" + archive);
        options.add("-Xshare:auto");
        options.add("-Xlog:cds=off,cds+dynamic=off");
    }

    static List<String> compilerOptions(EngineSpec spec) {
        List<String> options = new ArrayList<>();
        if (spec.enablePreview()) {
            options.add("--enable-preview");
            options.add("--source");
            options.add(System.getProperty("java.specification.version"));
        }
        if (!spec.addModules().isEmpty()) {
            options.add("--add-modules");
            options.add(String.join(",", spec.addModules()));
        }
        return options;
    }
}
