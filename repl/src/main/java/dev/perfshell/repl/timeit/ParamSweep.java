package dev.perfshell.repl.timeit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import javax.lang.model.SourceVersion;

/**
 * A parameter sweep, {@code --param NAME=VALUES}: {@code n=10,100,1000} (a list) or
 * {@code n=10..100000:x10} (a geometric range: times 10 from 10 while at most 100000), also
 * {@code n=100..1000:+100} (an arithmetic range). Values are whole numbers, at least 1 (the fit takes
 * log n); {@code 1_000} and {@code 1e6} are accepted.
 *
 * <p>The parameter becomes a <em>field</em> of the generated class ({@link #field}), never a local of the
 * timing method: a local is hoisted out of the loop. It is an {@code int} unless a value
 * needs a {@code long}, so {@code Perf.ints(n, 1)} and {@code new int[n]} compile as typed.
 *
 * @param name   the parameter's name, a Java identifier
 * @param values the values in the order given (a range: ascending), no duplicates
 */
public record ParamSweep(String name, List<Long> values) {
    /** More points than this is a typo (a step of +1 over a big range), not a sweep. */
    public static final int MAX_VALUES = 40;

    public ParamSweep {
        values = List.copyOf(values);
    }

    /** Bad {@code --param} text; the message is one line naming the culprit and what to write instead. */
    public static final class BadSweep extends Exception {
        public BadSweep(String message) {
            super(message);
        }
    }

    private static final String EXAMPLE = "e.g. n=10,100,1000 or n=10..100000:x10";

    /**
     * Refuses setup that declares the parameter's own name: the generated class would declare the field twice.
     *
     * @param setup the setup code, or {@code null}
     */
    public void checkSetup(String setup) throws BadSweep {
        if (setup == null || setup.isBlank()) return;
        for (JavaStatements.Statement statement : JavaStatements.parse(setup)) {
            if (statement.declaresLocal() && statement.name().equals(name)) {
                throw new BadSweep("the setup declares '" + name
                        + "', the --param name; rename one (the parameter is already a field)");
            }
        }
    }

    public static ParamSweep parse(String spec) throws BadSweep {
        String text = spec == null ? "" : spec.strip();
        int eq = text.indexOf('=');
        if (eq < 0) throw new BadSweep("--param needs NAME=VALUES, " + EXAMPLE + "; got '" + text + "'");
        String name = text.substring(0, eq).strip();
        String values = text.substring(eq + 1).strip();
        if (name.isEmpty()) throw new BadSweep("--param needs a name before '=', " + EXAMPLE);
        if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name) || name.contains("$")) {
            throw new BadSweep("--param: '" + name + "' is not a Java identifier (the snippet reads it as a variable); "
                    + EXAMPLE);
        }
        if (values.isEmpty())
            throw new BadSweep("--param " + name + " has no values; " + EXAMPLE.replace("n=", name + "="));
        List<Long> list = values.contains("..") ? range(name, values) : list(name, values);
        if (list.size() > MAX_VALUES) {
            throw new BadSweep(String.format(
                    Locale.ROOT,
                    "--param %s: %d values are too many (at most %d); use a larger step",
                    name,
                    list.size(),
                    MAX_VALUES));
        }
        return new ParamSweep(name, list);
    }

    private static List<Long> list(String name, String values) throws BadSweep {
        LinkedHashSet<Long> out = new LinkedHashSet<>();
        for (String item : values.split(",", -1)) {
            long value = number(name, item);
            if (!out.add(value)) throw new BadSweep("--param " + name + ": " + value + " is given twice");
        }
        return new ArrayList<>(out);
    }

    private static List<Long> range(String name, String values) throws BadSweep {
        int dots = values.indexOf("..");
        int colon = values.indexOf(':', dots);
        if (colon < 0) {
            throw new BadSweep("--param " + name + ": a range needs a step: " + name + "=" + values
                    + ":x10 (times 10) or " + name + "=" + values + ":+10 (plus 10)");
        }
        long from = number(name, values.substring(0, dots));
        long to = number(name, values.substring(dots + 2, colon));
        if (to < from)
            throw new BadSweep(
                    "--param " + name + ": the range " + from + ".." + to + " goes down; write the smaller end first");
        String step = values.substring(colon + 1).strip();
        List<Long> out = new ArrayList<>();
        if (step.startsWith("x") || step.startsWith("*")) {
            double factor = decimal(name, step.substring(1), step);
            if (!(factor > 1))
                throw new BadSweep(
                        "--param " + name + ": the step " + step + " never grows; use a factor above 1, e.g. :x10");
            // By powers of the factor from the start (no drift from repeated rounding); rounded, duplicates dropped.
            for (int i = 0; ; i++) {
                double exact = from * Math.pow(factor, i);
                if (exact > to * (1 + 1e-12) || out.size() > MAX_VALUES) break;
                long value = Math.round(exact);
                if (out.isEmpty() || out.get(out.size() - 1) != value) out.add(value);
            }
        } else if (step.startsWith("+")) {
            long add = number(name, step.substring(1));
            for (long v = from; v <= to && out.size() <= MAX_VALUES; v += add) out.add(v);
        } else {
            throw new BadSweep(
                    "--param " + name + ": the step '" + step + "' is neither a factor (:x10) nor an increment (:+10)");
        }
        return out;
    }

    /** A whole number of at least 1: digits with {@code _} separators, or {@code 1e6}. */
    private static long number(String name, String text) throws BadSweep {
        String t = text.strip().replace("_", "");
        BigDecimal value;
        try {
            if (!t.matches("[0-9]+(\\.[0-9]+)?([eE][0-9]+)?")) throw new NumberFormatException();
            value = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new BadSweep("--param " + name + ": '" + text.strip() + "' is not a whole number; "
                    + EXAMPLE.replace("n=", name + "="));
        }
        if (value.stripTrailingZeros().scale() > 0)
            throw new BadSweep("--param " + name + ": '" + text.strip() + "' is not a whole number");
        if (value.compareTo(BigDecimal.ONE) < 0) {
            throw new BadSweep("--param " + name + ": values must be at least 1 (the fit takes log " + name + "), got "
                    + text.strip());
        }
        if (value.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0)
            throw new BadSweep("--param " + name + ": " + text.strip() + " is too large");
        return value.longValueExact();
    }

    private static double decimal(String name, String text, String step) throws BadSweep {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new BadSweep("--param " + name + ": the step '" + step + "' needs a number, e.g. :x10");
        }
    }

    /** {@code int} unless a value is beyond it. */
    public String type() {
        return values.stream().allMatch(v -> v <= Integer.MAX_VALUE) ? "int" : "long";
    }

    /** The field the generated class gets for one value: {@code int n = 1000;}. */
    public String field(long value) {
        return type() + " " + name + " = " + value + ("long".equals(type()) ? "L" : "") + ";";
    }

    /** The key of this parameter in a result's params: {@code param.n}. */
    public String paramKey() {
        return "param." + name;
    }
}
