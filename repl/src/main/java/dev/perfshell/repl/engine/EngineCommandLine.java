package dev.perfshell.repl.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The engine JVM's options, in one place so {@code %env} shows exactly what was launched. */
final class EngineCommandLine {
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
        if (spec.enablePreview()) options.add("--enable-preview");
        if (!spec.addModules().isEmpty()) options.add("--add-modules=" + String.join(",", spec.addModules()));
        options.addAll(spec.engineOptions()); // last, so the user's options win
        return options;
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
