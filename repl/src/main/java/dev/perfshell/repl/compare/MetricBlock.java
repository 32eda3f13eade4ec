package dev.perfshell.repl.compare;

import dev.perfshell.repl.results.Metric.Direction;
import java.util.List;

/**
 * A result's common {@code metric} block as read back from a results file: all that a comparison needs,
 * whatever the magic.
 *
 * @param samples all runs' measurements (with forks: every engine's runs, concatenated)
 * @param center  the value to compare (with forks: the median of the engines' centers)
 * @param forks   one entry per engine JVM when the run was forked ({@code --forks K}); empty otherwise
 */
public record MetricBlock(
        String name, String unit, Direction direction, double[] samples, double center, List<EngineRun> forks) {

    public MetricBlock {
        samples = samples.clone();
        forks = List.copyOf(forks);
    }

    @Override
    public double[] samples() {
        return samples.clone();
    }

    /** The centers of the engines, one per fork: the replication unit when there are two or more. */
    public double[] engineCenters() {
        return forks.stream().mapToDouble(EngineRun::center).toArray();
    }

    /** One engine JVM's part of a forked result. */
    public record EngineRun(double[] samples, double center) {
        public EngineRun {
            samples = samples.clone();
        }

        @Override
        public double[] samples() {
            return samples.clone();
        }
    }
}
