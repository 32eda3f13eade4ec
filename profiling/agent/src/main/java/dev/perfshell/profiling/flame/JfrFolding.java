package dev.perfshell.profiling.flame;

import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;

/**
 * JFR's stack samples in async-profiler's folded format, for both readers of a recording ({@link JfrBackend}, the
 * flame graph's fallback, and {@link JfrStacks}, the line profiles' samples): one reader of folded text serves
 * every sampler only as long as they all fold frames the same way.
 */
final class JfrFolding {
    private JfrFolding() {}

    /**
     * The frames root first, separated by {@code ;}, each {@code owner/with/slashes.name}; with {@code lines}, the
     * method's descriptor (its {@code ;} written {@code |}) and {@code :line} where the frame has one.
     */
    static StringBuilder stack(List<RecordedFrame> frames, boolean lines) {
        StringBuilder stack = new StringBuilder();
        for (int i = frames.size() - 1; i >= 0; i--) {
            RecordedFrame frame = frames.get(i);
            RecordedMethod method = frame.getMethod();
            if (stack.length() > 0) stack.append(';');
            stack.append(method.getType().getName().replace('.', '/'))
                    .append('.')
                    .append(method.getName());
            if (!lines) continue;
            stack.append(method.getDescriptor().replace(';', '|'));
            if (frame.getLineNumber() > 0) stack.append(':').append(frame.getLineNumber());
        }
        return stack;
    }

    /** The folded text: one line per distinct stack, {@code stack count}, in the map's order. */
    static String text(Map<String, Long> counts) {
        StringBuilder out = new StringBuilder();
        counts.forEach(
                (stack, count) -> out.append(stack).append(' ').append(count).append('\n'));
        return out.toString();
    }
}
