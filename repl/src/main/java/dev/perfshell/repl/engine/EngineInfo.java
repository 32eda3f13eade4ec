package dev.perfshell.repl.engine;

import java.util.List;
import java.util.Map;

/**
 * The engine JVM as it runs, from {@code EngineProtocol.INFO}.
 *
 * @param instrumentation "absent", or what the agent's Instrumentation supports
 */
public record EngineInfo(long pid, String javaVersion, String javaVendor, String javaHome, String vm,
                         List<String> inputArguments, String classPath, long maxHeap, int processors,
                         String instrumentation) {

    static EngineInfo fromWire(Map<?, ?> wire) {
        return new EngineInfo(((Number) wire.get("pid")).longValue(), (String) wire.get("java.version"),
                (String) wire.get("java.vendor"), (String) wire.get("java.home"), (String) wire.get("vm"),
                ((List<?>) wire.get("inputArguments")).stream().map(String::valueOf).toList(),
                (String) wire.get("classPath"), ((Number) wire.get("maxHeap")).longValue(),
                ((Number) wire.get("processors")).intValue(), (String) wire.get("instrumentation"));
    }

    public boolean hasAgent() {
        return inputArguments.stream().anyMatch(a -> a.startsWith("-javaagent"));
    }
}
