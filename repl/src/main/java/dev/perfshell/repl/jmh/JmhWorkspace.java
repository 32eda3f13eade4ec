package dev.perfshell.repl.jmh;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.link.EngineSpec;
import dev.perfshell.repl.session.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.SourceCodeAnalysis;

/**
 * One {@code %jmh} run's files and class paths: a new temporary folder for the compiled benchmark and JMH's result,
 * deleted on {@link #close()}, and the paths the benchmark is compiled against and run on. Each run compiles into a
 * package of its own ({@code perfshell.jmh.run7}), so no class of an earlier run can be mistaken for this one's.
 */
public final class JmhWorkspace implements AutoCloseable {
    private static final AtomicInteger RUN_NUMBERS = new AtomicInteger();

    private final Session session;
    /** The engine's spec when the run began: the JDK, flags and class path the benchmark gets. */
    private final EngineSpec spec;

    private final JmhJars jars;
    private final Path folder;
    private final Path classes;
    private final List<String> classPath;

    private JmhWorkspace(Session session, JmhJars jars, Path folder, Path classes) {
        this.session = session;
        this.spec = session.spec();
        this.jars = jars;
        this.folder = folder;
        this.classes = classes;
        this.classPath = jars.benchmarkClassPath(spec.classPath());
    }

    /** A new temporary folder for a run in {@code session}'s engine JDK, with its class path. */
    public static JmhWorkspace create(Session session) throws IOException {
        Path folder = Files.createTempDirectory("perfshell-jmh-");
        try {
            return new JmhWorkspace(
                    session, JmhJars.locate(), folder, Files.createDirectories(folder.resolve("classes")));
        } catch (IOException | RuntimeException e) {
            deleteQuietly(folder);
            throw e;
        }
    }

    /** The runner JVM, started now: it waits for its arguments, so its start overlaps the compile. */
    public JmhProcess startRunner() throws IOException {
        List<String> runPath = new ArrayList<>(List.of(classes.toString()));
        runPath.addAll(classPath);
        return JmhProcess.start(JmhCommandLine.runner(spec, runPath));
    }

    /**
     * The benchmark, generated and compiled with JMH's annotation processor; {@code null} after saying why it could
     * not be.
     *
     * @param printSource print the generated class before it is compiled ({@code --print-source})
     */
    public JmhSource compile(JmhBenchmark benchmark, boolean printSource, Console console) {
        SourceCodeAnalysis analysis = session.engine().jshell().sourceCodeAnalysis();
        JmhSourceBuilder builder =
                new JmhSourceBuilder(expression -> analysis.analyzeType(expression, expression.length()));
        String packageName = "perfshell.jmh.run" + RUN_NUMBERS.incrementAndGet();
        List<String> options = JmhCommandLine.javacOptions(spec);
        try {
            JmhSource source = benchmark.source(builder, packageName, false);
            if (printSource) source.source().lines().forEach(console::dim);
            List<JmhCompiler.Error> errors = JmhCompiler.compile(source, classes, classPath, jars.processor(), options);
            // an expression whose type was unknown until compiled and turned out void: benchmarked as a statement
            if (!errors.isEmpty()
                    && source.expression()
                    && errors.stream().anyMatch(e -> e.message().contains("'void' type not allowed"))) {
                source = benchmark.source(builder, packageName, true);
                errors = JmhCompiler.compile(source, classes, classPath, jars.processor(), options);
            }
            if (errors.isEmpty()) return source;
            JmhCompileErrors.lines(source, errors, benchmark.dropped(), benchmark.noSession())
                    .forEach(console::error);
            return null;
        } catch (JmhSourceBuilder.BuildException e) {
            console.error("%jmh: " + e.getMessage());
            return null;
        }
    }

    /**
     * The forks' flags for {@code source}: with the agent that resets the JIT profiles the replay trained, when the
     * replay runs code and perfshell's runtime is a jar (a build's classes folder cannot be an agent).
     *
     * @param jvmArgs {@code --jvm-args}, or {@code null}
     */
    public List<String> forkJvmArgs(JmhSource source, String jvmArgs) {
        boolean resets = source.resetsProfiles() && jars.runtime().endsWith(".jar");
        return JmhCommandLine.forkJvmArgs(spec, resets ? jars.runtime() : null, jvmArgs);
    }

    /** Where JMH writes its JSON result. */
    public Path resultFile() {
        return folder.resolve("result.json");
    }

    @Override
    public void close() {
        deleteQuietly(folder);
    }

    private static void deleteQuietly(Path folder) {
        try (var paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException leftBehind) {
            // a temporary folder left behind is harmless; the result is what matters
        }
    }
}
