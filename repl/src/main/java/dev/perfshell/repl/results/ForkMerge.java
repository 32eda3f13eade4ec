package dev.perfshell.repl.results;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;

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
 * <p>Center: the median of the engines' centers (one unlucky engine does not move it much). Interval:
 * the 95 % Student-t interval of the mean of the engines' centers, the honest spread of a result across
 * JVMs; with one engine, the engine's own figures stay.
 */
public final class ForkMerge {
    static final double CI_LEVEL = 0.95;

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
                byKey.computeIfAbsent(where + "#" + occurrence, k -> new ArrayList<>()).add(record);
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
                .map(r -> new Metric.EngineSamples(r.metric().samples(), r.metric().center())).toList();
        double[] centers = forks.stream().mapToDouble(Metric.EngineSamples::center).toArray();
        double[] pooled = engines.stream().flatMapToDouble(r -> Arrays.stream(r.metric().samples())).toArray();
        double[] ci = meanInterval(centers);
        Metric metric = new Metric(m.name(), m.unit(), m.direction(), pooled, median(centers), ci[0], ci[1], forks);
        LinkedHashSet<String> warnings = new LinkedHashSet<>();
        engines.forEach(r -> warnings.addAll(r.warnings()));
        return new ResultRecord(first.magic(), first.label(), first.source(), first.params(), first.script(), first.line(),
                List.copyOf(warnings), metric, first.details(), first.complexity());
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The {@link #CI_LEVEL} Student-t interval of the mean; NaNs with fewer than two values. */
    static double[] meanInterval(double[] values) {
        if (values.length < 2) return new double[] {Double.NaN, Double.NaN};
        double mean = StatUtils.mean(values);
        double sd = Math.sqrt(StatUtils.variance(values));
        double t = new TDistribution(values.length - 1).inverseCumulativeProbability(1 - (1 - CI_LEVEL) / 2);
        double half = t * sd / Math.sqrt(values.length);
        return new double[] {mean - half, mean + half};
    }
}
