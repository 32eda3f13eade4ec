package dev.perfshell.profiling.memory;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags that change object sizes, when they differ from a default 64-bit HotSpot: byte counts
 * depend on them ({@code new byte[1024]} is 1,040 B by default, 1,048 B without compressed class
 * pointers; {@code new Object()} is 8 B with JDK 25's compact headers instead of 16).
 */
final class ObjectLayoutFlags {
    private ObjectLayoutFlags() {}

    /** The flags as {@code -XX:±Name}, empty when the layout is the default one. */
    static List<String> nonDefault() {
        List<String> flags = new ArrayList<>();
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (hotspot == null) return flags;
        check(hotspot, "UseCompressedOops", true, flags);
        check(hotspot, "UseCompressedClassPointers", true, flags);
        check(hotspot, "UseCompactObjectHeaders", false, flags);
        return flags;
    }

    private static void check(HotSpotDiagnosticMXBean hotspot, String name, boolean usual, List<String> flags) {
        try {
            boolean value = Boolean.parseBoolean(hotspot.getVMOption(name).getValue());
            if (value != usual) flags.add("-XX:" + (value ? "+" : "-") + name);
        } catch (IllegalArgumentException absent) {
            // this JVM has no such flag (compact headers before JDK 24): the usual layout
        }
    }
}
