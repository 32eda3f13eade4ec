package dev.perfshell.repl.jmh;

import java.util.ArrayList;
import java.util.List;

/**
 * JMH's own words for a run that ended without a result: the benchmark's exception with the session's methods it
 * passed through, or the runner's last lines. Read from the runner's output alone, so the magic only prints it, and
 * the reading is tested on JMH's text.
 */
public final class JmhFailure {
    private JmhFailure() {}

    /** The error lines to print, in order. */
    public static List<String> lines(JmhProcess.Outcome outcome) {
        List<String> lines = new ArrayList<>();
        List<String> output = outcome.output();
        int failure = -1;
        for (int i = 0; i < output.size() && failure < 0; i++) if (output.get(i).contains("<failure>")) failure = i;
        if (failure >= 0) {
            List<String> trace = output.subList(failure + 1, output.size()).stream()
                    .filter(line -> !line.isBlank())
                    .toList();
            String exception =
                    trace.isEmpty() ? "an unknown failure" : trace.get(0).replaceFirst("^java\\.lang\\.", "");
            lines.add("%jmh: the benchmark threw " + exception);
            // The generated class's line numbers mean nothing to the user: name the session's methods only.
            trace.stream()
                    .skip(1)
                    .map(String::strip)
                    .takeWhile(line -> line.startsWith("at ") || line.startsWith("..."))
                    .filter(line -> line.contains(JmhSource.SESSION_CLASS + "."))
                    .map(line -> line.replaceFirst("^at .*\\.([\\w$]+)\\(.*$", "$1"))
                    .filter(method -> !method.startsWith("perfshell$") && !method.equals(JmhSource.METHOD))
                    .limit(4)
                    .forEach(method -> lines.add("    at " + method));
            lines.add(
                    "Next: the session's state is rebuilt in the benchmark's @Setup; --print-source shows the generated class.");
            return lines;
        }
        List<String> tail = output.stream().filter(line -> !line.isBlank()).toList();
        lines.add("%jmh: JMH ended with exit code " + outcome.exitCode() + " and no result:");
        tail.subList(Math.max(0, tail.size() - 8), tail.size()).forEach(line -> lines.add("    " + line));
        return lines;
    }
}
