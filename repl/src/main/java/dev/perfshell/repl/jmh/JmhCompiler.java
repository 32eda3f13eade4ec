package dev.perfshell.repl.jmh;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles a generated benchmark with javax.tools and JMH's annotation processor, named
 * explicitly on a processor path of its own (JDK 23+ no longer runs processors it merely finds
 * on the class path). The processor writes JMH's generated stubs and {@code META-INF/BenchmarkList}
 * into the same fresh output folder.
 */
public final class JmhCompiler {
    private static final String PROCESSOR = "org.openjdk.jmh.generators.BenchmarkProcessor";

    private JmhCompiler() {}

    /** A compile error: where in the source (-1 when nowhere) and javac's message. */
    public record Error(long start, long position, long end, String message) {}

    /** @return the errors; empty when the benchmark compiled */
    public static List<Error> compile(
            JmhSource source, Path out, List<String> classPath, List<String> processorPath, List<String> extraOptions) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null)
            return List.of(new Error(-1, -1, -1, "this Java has no compiler (a JRE?): run perfshell on a JDK"));
        List<String> options = new ArrayList<>(List.of(
                "-d",
                out.toString(),
                "-cp",
                String.join(java.io.File.pathSeparator, classPath),
                "-encoding",
                "UTF-8",
                "-nowarn",
                "-Xlint:none",
                "-g"));
        options.addAll(extraOptions);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter chatter = new StringWriter();
        JavaCompiler.CompilationTask task =
                javac.getTask(chatter, null, diagnostics, options, null, List.of(new Source(source)));
        task.setProcessors(List.of(newProcessor(processorPath)));
        boolean ok = task.call();
        List<Error> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() != Diagnostic.Kind.ERROR) continue;
            errors.add(new Error(
                    diagnostic.getStartPosition(),
                    diagnostic.getPosition(),
                    diagnostic.getEndPosition(),
                    diagnostic.getMessage(Locale.ROOT)));
        }
        if (!ok && errors.isEmpty())
            errors.add(new Error(
                    -1, -1, -1, chatter.toString().strip().lines().findFirst().orElse("javac failed")));
        return errors;
    }

    /**
     * A new processor (one serves one compilation) from a class loader kept for the shell's life:
     * loading and JIT-compiling JMH's generator anew for every run cost about 0.3 s of each compile.
     */
    private static javax.annotation.processing.Processor newProcessor(List<String> processorPath) {
        try {
            return (javax.annotation.processing.Processor) ProcessorLoader.of(processorPath)
                    .loadClass(PROCESSOR)
                    .getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("JMH's annotation processor cannot be created from " + processorPath, e);
        }
    }

    /**
     * The class loader of JMH's processor as the shell's lib folder has it, created once (the
     * holder idiom: a constant, initialised on first use). Its parent is the platform loader, so
     * the shell's own classes never mix with the processor's.
     */
    private static final class ProcessorLoader {
        private static final List<String> SHELL_PATH = JmhJars.locate().processor();
        private static final ClassLoader SHELL_LOADER = create(SHELL_PATH);

        static ClassLoader of(List<String> path) {
            return path.equals(SHELL_PATH) ? SHELL_LOADER : create(path);
        }

        private static ClassLoader create(List<String> path) {
            java.net.URL[] urls = path.stream()
                    .map(entry -> {
                        try {
                            return java.nio.file.Path.of(entry).toUri().toURL();
                        } catch (java.net.MalformedURLException e) {
                            throw new IllegalArgumentException(entry, e);
                        }
                    })
                    .toArray(java.net.URL[]::new);
            return new java.net.URLClassLoader("jmh-processor", urls, ClassLoader.getPlatformClassLoader());
        }
    }

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(JmhSource source) {
            super(URI.create("string:///" + source.fileName()), Kind.SOURCE);
            this.code = source.source();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
