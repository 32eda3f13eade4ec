package dev.perfshell.repl.results;

import dev.perfshell.engine.EngineInfo;
import java.util.List;

/**
 * The engine JVM and machine the results were measured on: what {@code compare} needs to warn that two
 * files come from different JVMs, flags or machines. Any field may be {@code null} when unknown.
 *
 * @param javaVersion        the engine's {@code java.version}
 * @param vmName             e.g. {@code OpenJDK 64-Bit Server VM}
 * @param vmVersion          e.g. {@code 21.0.5+11-LTS}
 * @param engineJvmArguments the engine JVM's input arguments (RuntimeMXBean), in order
 * @param gc                 the names of its garbage collectors, e.g. {@code G1 Young Generation}
 * @param maxHeapBytes       its maximum heap ({@code Runtime.maxMemory()}), bytes
 * @param os                 os name, version and architecture
 * @param cpuModel           the CPU's model name, or {@code null} where the OS does not say
 * @param cpus               processors available to the engine
 */
public record ResultsEnvironment(
        String javaVersion,
        String vmName,
        String vmVersion,
        List<String> engineJvmArguments,
        List<String> gc,
        Long maxHeapBytes,
        String os,
        String cpuModel,
        Integer cpus) {

    public ResultsEnvironment {
        engineJvmArguments = engineJvmArguments == null ? null : List.copyOf(engineJvmArguments);
        gc = gc == null ? null : List.copyOf(gc);
    }

    /** From the engine's {@code INFO} reply. */
    public static ResultsEnvironment of(EngineInfo info) {
        return new ResultsEnvironment(
                info.javaVersion(),
                info.vmName(),
                info.vmVersion(),
                info.inputArguments(),
                info.gc(),
                info.maxHeap(),
                info.os(),
                info.cpuModel(),
                info.processors());
    }

    /** When the engine cannot be asked (it died at the end of a run): every field null. */
    public static ResultsEnvironment unknown() {
        return new ResultsEnvironment(null, null, null, null, null, null, null, null, null);
    }
}
