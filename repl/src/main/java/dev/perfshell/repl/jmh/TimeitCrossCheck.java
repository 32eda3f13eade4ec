package dev.perfshell.repl.jmh;

import dev.perfshell.repl.results.ResultRecord;
import dev.perfshell.timing.runtime.Units;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A %jmh result held against the last %timeit of the same code in the session's results: the user's question
 * is often whether perfshell's quick number agrees with JMH's. Looked up in the results alone, away from the magic.
 */
public final class TimeitCrossCheck {
    private TimeitCrossCheck() {}

    /**
     * One line against the last %timeit of the same code, when there is one and both are times.
     *
     * @param all     the session's results, oldest first
     * @param results this %jmh run's results: compared only when there is one, a time, on one thread
     */
    public static Optional<String> line(List<ResultRecord> all, String code, List<JmhResult> results) {
        if (results.size() != 1) return Optional.empty();
        double jmhNanos = results.get(0).nanosPerOp();
        if (Double.isNaN(jmhNanos) || results.get(0).threads() != 1) return Optional.empty();
        for (int i = all.size() - 1; i >= 0; i--) {
            ResultRecord record = all.get(i);
            if (!record.magic().equals("timeit") || !record.source().strip().equals(code.strip())) continue;
            double timeit = record.metric().center();
            return Optional.of(String.format(
                    Locale.ROOT,
                    "%%timeit (result %d) measured %s per op (median): %s× JMH's %s.",
                    i + 1,
                    Units.time(timeit),
                    Units.ratio(timeit / jmhNanos),
                    Units.time(jmhNanos)));
        }
        return Optional.empty();
    }
}
