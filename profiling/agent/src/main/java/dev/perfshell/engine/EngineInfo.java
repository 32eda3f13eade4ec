package dev.perfshell.engine;

import java.util.List;

/**
 * The engine JVM as it runs, the reply to {@code EngineProtocol.INFO}: written by the engine and read by the shell
 * with {@code WireForm}.
 *
 * @param vm              VM name and version in one string, for {@code %env}
 * @param instrumentation "absent", or what the agent's Instrumentation supports
 * @param gc              the names of the engine's garbage collectors (GarbageCollectorMXBeans)
 * @param os              os name, version and architecture
 * @param cpuModel        /proc/cpuinfo's "model name", or {@code null} where unknown
 */
public record EngineInfo(
        long pid,
        String javaVersion,
        String javaVendor,
        String javaHome,
        String vm,
        List<String> inputArguments,
        String classPath,
        long maxHeap,
        int processors,
        String instrumentation,
        String vmName,
        String vmVersion,
        List<String> gc,
        String os,
        String cpuModel) {

    public boolean hasAgent() {
        return inputArguments.stream().anyMatch(a -> a.startsWith("-javaagent"));
    }
}
