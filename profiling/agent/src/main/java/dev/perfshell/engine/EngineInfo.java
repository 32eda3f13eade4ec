package dev.perfshell.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine JVM as it runs, the reply to {@code EngineProtocol.INFO}: written by the engine with {@link #toWire()},
 * read by the shell with {@link #fromWire(Map)}.
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

    public HashMap<String, Object> toWire() {
        HashMap<String, Object> wire = new HashMap<>();
        wire.put("pid", pid);
        wire.put("java.version", javaVersion);
        wire.put("java.vendor", javaVendor);
        wire.put("java.home", javaHome);
        wire.put("vm", vm);
        wire.put("inputArguments", new ArrayList<>(inputArguments));
        wire.put("classPath", classPath);
        wire.put("maxHeap", maxHeap);
        wire.put("processors", processors);
        wire.put("instrumentation", instrumentation);
        wire.put("vmName", vmName);
        wire.put("vmVersion", vmVersion);
        wire.put("gc", new ArrayList<>(gc));
        wire.put("os", os);
        wire.put("cpuModel", cpuModel);
        return wire;
    }

    public static EngineInfo fromWire(Map<?, ?> wire) {
        return new EngineInfo(
                ((Number) wire.get("pid")).longValue(),
                (String) wire.get("java.version"),
                (String) wire.get("java.vendor"),
                (String) wire.get("java.home"),
                (String) wire.get("vm"),
                strings(wire.get("inputArguments")),
                (String) wire.get("classPath"),
                ((Number) wire.get("maxHeap")).longValue(),
                ((Number) wire.get("processors")).intValue(),
                (String) wire.get("instrumentation"),
                (String) wire.get("vmName"),
                (String) wire.get("vmVersion"),
                strings(wire.get("gc")),
                (String) wire.get("os"),
                (String) wire.get("cpuModel"));
    }

    private static List<String> strings(Object list) {
        return list == null
                ? List.of()
                : ((List<?>) list).stream().map(String::valueOf).toList();
    }

    public boolean hasAgent() {
        return inputArguments.stream().anyMatch(a -> a.startsWith("-javaagent"));
    }
}
