package dev.perfshell.repl.render;

import dev.perfshell.repl.io.TextColumns;
import dev.perfshell.repl.jmh.JmhOptions;
import dev.perfshell.repl.jmh.JmhResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * JMH's own result table ({@code Benchmark (params) Mode Cnt Score Error Units}), with the
 * benchmark named by the user's snippet (or label) rather than perfshell's generated class, and
 * the profilers' secondary metrics as {@code name:metric} rows, as JMH prints them.
 */
public final class JmhRenderer {
    private static final int NAME_WIDTH = 48;

    private JmhRenderer() {}

    public static List<String> table(String name, List<JmhResult> results) {
        Set<String> paramNames = new LinkedHashSet<>();
        results.forEach(result -> paramNames.addAll(result.params().keySet()));
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("Benchmark"));
        paramNames.forEach(param -> header.add("(" + param + ")"));
        header.addAll(List.of("Mode", "Cnt", "Score", "", "Error", "Units"));
        rows.add(header.toArray(String[]::new));
        String shown = shorten(name);
        for (JmhResult result : results) {
            rows.add(row(shown, paramNames, result, result.primary()));
            for (JmhResult.Score secondary : result.secondary())
                rows.add(row(shown + ":" + secondary.name(), paramNames, result, secondary));
        }
        int columns = header.size();
        return TextColumns.lines(
                rows,
                // JMH left-aligns the benchmark name and the units, and right-aligns the rest.
                c -> c == 0 || c == columns - 1,
                // "Score ± Error", as JMH prints it: one space around the sign.
                c -> header.get(c).isEmpty() || header.get(c - 1).isEmpty() ? " " : "  ");
    }

    /**
     * The line said once the benchmark compiled, while JMH runs: how long the compile took and what JMH will run.
     *
     * @param compileNanos from the runner JVM's start to the compiled benchmark
     */
    public static String started(JmhOptions options, long compileNanos) {
        return String.format(
                Locale.ROOT,
                "JMH: compiled in %.1f s; %d fork%s, %d × %s warm-up, %d × %s measurement, %s (Ctrl-C stops)",
                compileNanos / 1e9,
                options.forks(),
                options.forks() == 1 ? "" : "s",
                options.warmupIterations(),
                options.warmupTime(),
                options.iterations(),
                options.measurementTime(),
                options.mode());
    }

    private static String[] row(String name, Set<String> paramNames, JmhResult result, JmhResult.Score score) {
        List<String> cells = new ArrayList<>(List.of(name));
        for (String param : paramNames) cells.add(result.params().getOrDefault(param, "N/A"));
        cells.add(result.mode());
        cells.add(score.count() == 0 ? "" : String.valueOf(score.count()));
        cells.add(number(score.score()));
        boolean hasError = !Double.isNaN(score.error()) && score.count() > 1;
        cells.add(hasError ? "±" : "");
        cells.add(hasError ? number(score.error()) : "");
        cells.add(score.unit());
        return cells.toArray(String[]::new);
    }

    /** JMH's score format: three decimals, and {@code ≈ 10⁻ⁿ} for what three decimals would show as zero. */
    static String number(double value) {
        if (Double.isNaN(value)) return "NaN";
        if (value == 0) return "≈ 0";
        double magnitude = Math.abs(value);
        if (magnitude < 0.001) {
            int exponent = (int) Math.floor(Math.log10(magnitude));
            return "≈ 10" + superscript(exponent);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private static String superscript(int exponent) {
        String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        StringBuilder out = new StringBuilder(exponent < 0 ? "⁻" : "");
        for (char c : String.valueOf(Math.abs(exponent)).toCharArray()) out.append(digits.charAt(c - '0'));
        return out.toString();
    }

    private static String shorten(String name) {
        String line = name.strip().lines().findFirst().orElse("");
        boolean more = name.strip().lines().count() > 1;
        if (line.length() > NAME_WIDTH) return line.substring(0, NAME_WIDTH - 3) + "...";
        return more ? line + " ..." : line;
    }
}
