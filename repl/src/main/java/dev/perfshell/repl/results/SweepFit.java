package dev.perfshell.repl.results;

import dev.perfshell.timing.ComplexityFit;
import java.util.List;
import java.util.Objects;

/**
 * The fitted complexity of a parameter sweep ({@code %timeit --param}, {@code %memit --param}), exported as
 * {@code complexity} on the sweep's last result (docs/results.md, schema {@code perfshell-results/1}).
 *
 * @param parameter the parameter's name, e.g. {@code n}
 * @param values    the parameter's values that were measured, in order
 * @param measured  what was fitted at each value, in {@code unit}: each result's metric center
 * @param unit      {@code ns/op} (%timeit's median) or {@code bytes/op} (%memit's allocation per operation)
 * @param fit       the fit itself
 */
public record SweepFit(String parameter, List<Long> values, List<Double> measured, String unit, ComplexityFit fit) {
    public SweepFit {
        Objects.requireNonNull(parameter, "parameter");
        values = List.copyOf(values);
        measured = List.copyOf(measured);
        Objects.requireNonNull(fit, "fit");
        if (values.size() != measured.size())
            throw new IllegalArgumentException(values.size() + " values, " + measured.size() + " measured");
    }

    /** Fits {@code measured} against {@code values}. */
    public static SweepFit of(String parameter, List<Long> values, List<Double> measured, String unit) {
        double[] n = values.stream().mapToDouble(Long::doubleValue).toArray();
        double[] y = measured.stream().mapToDouble(Double::doubleValue).toArray();
        return new SweepFit(parameter, values, measured, unit, ComplexityFit.of(n, y));
    }

    /** The named class with the parameter's name ({@code O(n log n)}), or {@code null} when there is none. */
    public String complexityLabel() {
        return fit.best() == null ? null : fit.best().label(parameter);
    }
}
