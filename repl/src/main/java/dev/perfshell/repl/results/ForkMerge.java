package dev.perfshell.repl.results;

import dev.perfshell.timing.stats.CentreEstimate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * {@code perfshell run --forks K}: the same script ran in K fresh engines; each result becomes one record
 * whose metric keeps every engine's samples apart ({@link Metric#forks()}).
 *
 * <p>Results are matched by where they came from (script, line, magic, source) and their occurrence
 * there, so a loop that runs a magic three times gives three results. A result that some engines did not
 * reach (a failure with {@code --keep-going}) keeps the engines that measured it. The merged record's
 * details and output are the first engine's; warnings are the union.
 *
 * <p>Center and interval come from one model ({@link CentreEstimate}): the geometric mean of the engines'
 * centers, the figure {@code perfshell compare} compares, and the 95 % Student-t interval of the mean of
 * their logarithms, the honest spread of a result across JVMs (never below zero). A median of the centers
 * with an interval of their mean read 1.28 µs beside compare's 1.96 µs for one file, and an interval of
 * [0 … 9.09 µs] clipped at zero. With one engine, the engine's own figures stay.
 */
public final class ForkMerge {
    private ForkMerge() {}

    /** @param forks each engine's results, in the order measured; engine 1 first */
    public static List<ResultRecord> merge(List<List<ResultRecord>> forks) {
        if (forks.size() == 1) return List.copyOf(forks.get(0));
        Map<String, List<ResultRecord>> byKey = new LinkedHashMap<>();
        for (List<ResultRecord> fork : forks) {
            Map<String, Integer> occurrences = new LinkedHashMap<>();
            for (ResultRecord record : fork) {
                String where = record.script() + ":" + record.line() + ":" + record.magic() + ":" + record.source();
                int occurrence = occurrences.merge(where, 1, Integer::sum);
                byKey.computeIfAbsent(where + "#" + occurrence, k -> new ArrayList<>())
                        .add(record);
            }
        }
        List<ResultRecord> merged = new ArrayList<>();
        for (List<ResultRecord> same : byKey.values()) merged.add(mergeOne(same));
        return merged;
    }

    private static ResultRecord mergeOne(List<ResultRecord> engines) {
        ResultRecord first = engines.get(0);
        Metric m = first.metric();
        List<Metric.EngineSamples> forks = engines.stream()
                .map(r -> new Metric.EngineSamples(
                        r.metric().samples(), r.metric().center()))
                .toList();
        double[] centers =
                forks.stream().mapToDouble(Metric.EngineSamples::center).toArray();
        double[] pooled = engines.stream()
                .flatMapToDouble(r -> Arrays.stream(r.metric().samples()))
                .toArray();
        CentreEstimate across = CentreEstimate.of(centers);
        Metric metric = new Metric(
                m.name(), m.unit(), m.direction(), pooled, across.centre(), across.low(), across.high(), forks);
        LinkedHashSet<String> warnings = new LinkedHashSet<>();
        engines.forEach(r -> warnings.addAll(r.warnings()));
        return new ResultRecord(
                first.magic(),
                first.label(),
                first.source(),
                first.params(),
                first.script(),
                first.line(),
                List.copyOf(warnings),
                metric,
                first.details(),
                first.complexity());
    }
}
