package dev.perfshell.repl.link;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How to start the engine JVM: what the user asked for on the command line (or a script's
 * header) and what restarts must reproduce.
 *
 * @param engineOptions JVM options passed with {@code -R}/{@code --engine-option}
 * @param engineJdk     another JDK's home to run the engine on, or {@code null} for the shell's own
 * @param classPath     user class path entries ({@code --class-path}, {@code %classpath add})
 * @param enablePreview {@code --enable-preview} for both the compiler and the engine
 * @param addModules    {@code --add-modules} for both the compiler and the engine
 * @param fullBlackhole JMH's full Blackhole instead of compiler blackholes: the fallback when the
 *                      engine's self-check found consumed values dead (see BlackholeSelfCheck)
 * @param connectTimeout how long a starting engine JVM may take to connect back before the start counts as failed
 *                       ({@code PERFSHELL_ENGINE_TIMEOUT}, seconds)
 */
public record EngineSpec(
        List<String> engineOptions,
        Path engineJdk,
        List<String> classPath,
        boolean enablePreview,
        List<String> addModules,
        boolean fullBlackhole,
        Duration connectTimeout) {
    /** Generous: a cold engine connects in well under a second here, a loaded CI machine may take several. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);

    public EngineSpec {
        engineOptions = List.copyOf(engineOptions);
        classPath = List.copyOf(classPath);
        addModules = List.copyOf(addModules);
        if (connectTimeout.isNegative() || connectTimeout.isZero())
            throw new IllegalArgumentException("connectTimeout " + connectTimeout);
    }

    public EngineSpec(
            List<String> engineOptions,
            Path engineJdk,
            List<String> classPath,
            boolean enablePreview,
            List<String> addModules,
            boolean fullBlackhole) {
        this(engineOptions, engineJdk, classPath, enablePreview, addModules, fullBlackhole, DEFAULT_CONNECT_TIMEOUT);
    }

    /** The engine JDK's feature release (17, 25, ...). */
    public int feature() {
        return EngineCommandLine.engineFeature(this);
    }

    /** The {@code java} launcher of the engine's JDK: --engine-jdk's, or the shell's own. */
    public Path javaLauncher() {
        Path home = engineJdk != null ? engineJdk : Path.of(System.getProperty("java.home"));
        return home.resolve("bin").resolve("java");
    }

    public EngineSpec withFullBlackhole() {
        return new EngineSpec(engineOptions, engineJdk, classPath, enablePreview, addModules, true, connectTimeout);
    }

    /** This spec with more engine JVM options after the present ones (a script's {@code //ENGINE} line). */
    public EngineSpec withEngineOptions(List<String> more) {
        List<String> all = new java.util.ArrayList<>(engineOptions);
        all.addAll(more);
        return new EngineSpec(all, engineJdk, classPath, enablePreview, addModules, fullBlackhole, connectTimeout);
    }

    public EngineSpec withClassPath(String entry) {
        List<String> more = new java.util.ArrayList<>(classPath);
        more.add(entry);
        return new EngineSpec(engineOptions, engineJdk, more, enablePreview, addModules, fullBlackhole, connectTimeout);
    }
}
