package dev.perfshell.engine;

import dev.perfshell.timing.runtime.OnceMeter;

import java.lang.instrument.Instrumentation;
import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The table of engine extension commands, in one place. Names are shared with the front end
 * through {@link EngineProtocol}.
 */
final class EngineCommands {
    private final Map<String, EngineCommand> table = new LinkedHashMap<>();

    EngineCommands(OnceMeter meter, Instrumentation instrumentation, MemoryReserve reserve) {
        table.put(EngineProtocol.PING, arg -> "pong");
        table.put(EngineProtocol.INFO, arg -> info(instrumentation, reserve));
        table.put(EngineProtocol.TIME_ARM, arg -> {
            meter.arm();
            return Boolean.TRUE;
        });
        table.put(EngineProtocol.TIME_TAKE, arg -> meter.take());
    }

    EngineCommand find(String name) {
        return table.get(name);
    }

    private static HashMap<String, Object> info(Instrumentation instrumentation, MemoryReserve reserve) {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        HashMap<String, Object> info = new HashMap<>();
        info.put("pid", ProcessHandle.current().pid());
        info.put("java.version", System.getProperty("java.version"));
        info.put("java.vendor", System.getProperty("java.vendor"));
        info.put("java.home", System.getProperty("java.home"));
        info.put("vm", runtime.getVmName() + " " + runtime.getVmVersion());
        info.put("inputArguments", new ArrayList<>(runtime.getInputArguments()));
        info.put("classPath", System.getProperty("java.class.path"));
        info.put("maxHeap", Runtime.getRuntime().maxMemory());
        info.put("processors", Runtime.getRuntime().availableProcessors());
        info.put("instrumentation", instrumentation == null ? "absent"
                : "redefine=" + instrumentation.isRedefineClassesSupported()
                + " retransform=" + instrumentation.isRetransformClassesSupported());
        info.put("memoryReserve", reserve.held() ? "held" : "released");
        return info;
    }
}
