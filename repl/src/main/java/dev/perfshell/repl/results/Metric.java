package dev.perfshell.repl.results;

import java.util.Objects;

/**
 * The common measurement block of every result: what exports and comparisons read without knowing
 * the magic. Values are in {@link #unit}, never scaled (ns, bytes).
 *
 * @param name      what was measured, e.g. {@code time} (per operation) or {@code wall}
 * @param unit      {@code ns/op}, {@code ns} or {@code bytes}
 * @param direction whether lower or higher values are better
 * @param samples   the individual measurements (per run), in {@code unit}
 * @param center    the value to compare (e.g. the median of the samples)
 * @param ciLow     lower end of the confidence interval; NaN when there is none (exported as null)
 * @param ciHigh    upper end of the confidence interval; NaN when there is none (exported as null)
 * @param forks     per engine JVM, its own samples and center, when the result was measured in several
 *                  engines ({@code perfshell run --forks K}); empty for one engine. The engine is the unit of
 *                  replication: two engines differ by more than the runs inside one (JIT decisions, code
 *                  layout), so a comparison must use these, not the pooled {@code samples}.
 */
public record Metric(
        String name,
        String unit,
        Direction direction,
        double[] samples,
        double center,
        double ciLow,
        double ciHigh,
        java.util.List<EngineSamples> forks) {

    /** One engine's share of a result measured in several engines. */
    public record EngineSamples(double[] samples, double center) {
        public EngineSamples {
            samples = samples.clone();
        }

        @Override
        public double[] samples() {
            return samples.clone();
        }
    }

    /** A result measured in one engine. */
    public Metric(
            String name,
            String unit,
            Direction direction,
            double[] samples,
            double center,
            double ciLow,
            double ciHigh) {
        this(name, unit, direction, samples, center, ciLow, ciHigh, java.util.List.of());
    }

    /** Which way is better. */
    public enum Direction {
        LOWER,
        HIGHER;

        /** {@code "lower"} or {@code "higher"}, as exported. */
        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(direction, "direction");
        samples = samples == null ? new double[0] : samples.clone();
        forks = forks == null ? java.util.List.of() : java.util.List.copyOf(forks);
    }

    @Override
    public double[] samples() {
        return samples.clone();
    }
}
