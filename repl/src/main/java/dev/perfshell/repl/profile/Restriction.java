package dev.perfshell.repl.profile;

import dev.perfshell.repl.profile.Profile.MethodStats;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code %prun -l} restriction, pstats' "amount": the first N rows, a fraction of the rows, or the rows whose
 * location a regular expression finds something in. IPython reads the option text as an int if it can, else as a
 * float, else as a regex; so {@code -l 3} is three rows, and a line number is matched with e.g. {@code -l ":3\("}.
 */
public sealed interface Restriction {
    /**
     * Reads one {@code -l} value. Unlike pstats, which silently ignores them or notes an invalid regex under the report,
     * values that cannot restrict anything are refused before the statement runs.
     *
     * @throws IllegalArgumentException for a negative count, a fraction outside [0, 1], or an invalid regex
     */
    static Restriction parse(String text) {
        String trimmed = text.strip();
        if (PythonNumbers.isInt(trimmed)) {
            BigInteger count = new BigInteger(trimmed.replace("_", ""));
            if (count.signum() < 0) {
                throw new IllegalArgumentException("-l " + text + ": a row count can't be negative");
            }
            return new FirstRows(count.min(BigInteger.valueOf(Long.MAX_VALUE)).longValue());
        }
        if (PythonNumbers.isFloat(trimmed)) {
            double fraction = PythonNumbers.parseFloat(trimmed);
            if (!(fraction >= 0 && fraction <= 1)) {
                throw new IllegalArgumentException(
                        "-l " + text + ": a fraction of the rows must be from 0 to 1 (0.25 is the first quarter)");
            }
            return new Fraction(fraction);
        }
        try {
            return new Matching(Pattern.compile(text));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "-l " + text + ": not a row count, a fraction or a valid regular expression (" + e.getDescription()
                            + " at index " + e.getIndex() + "); escape it with \\Q...\\E for literal text");
        }
    }

    /** The rows kept, in order. */
    List<MethodStats> apply(List<MethodStats> rows);

    /** How pstats writes this restriction in its message: Python's {@code repr} of the int, float or string. */
    String repr();

    /** Said after pstats' {@code List reduced…} line: nothing for what the user asked for. */
    default String reductionNote() {
        return "";
    }

    /**
     * Applies the restrictions in order, as pstats does, with one {@code List reduced from A to B due to
     * restriction <R>} line (pstats' text and indent) for each one that removed rows.
     */
    static Restricted applyAll(List<MethodStats> rows, List<Restriction> restrictions) {
        List<MethodStats> kept = List.copyOf(rows);
        List<String> lines = new ArrayList<>();
        for (Restriction restriction : restrictions) {
            List<MethodStats> next = restriction.apply(kept);
            if (next.size() != kept.size()) {
                lines.add("   List reduced from " + kept.size() + " to " + next.size() + " due to restriction <"
                        + restriction.repr() + ">" + restriction.reductionNote());
            }
            kept = next;
        }
        return new Restricted(kept, lines);
    }

    /** The rows left and pstats' lines saying what each restriction removed. */
    record Restricted(List<MethodStats> rows, List<String> reductionLines) {
        public Restricted {
            rows = List.copyOf(rows);
            reductionLines = List.copyOf(reductionLines);
        }
    }

    /** The first {@code count} rows ({@code -l 10}). */
    record FirstRows(long count) implements Restriction {
        public FirstRows {
            if (count < 0) throw new IllegalArgumentException("negative row count " + count);
        }

        @Override
        public List<MethodStats> apply(List<MethodStats> rows) {
            return count >= rows.size() ? List.copyOf(rows) : List.copyOf(rows.subList(0, (int) count));
        }

        @Override
        public String repr() {
            return Long.toString(count);
        }
    }

    /**
     * perfshell's own limit when {@code -l} is not given and a profile is long (pstats prints every row, which for a
     * profile of a million methods is a million lines): the first {@code count} rows, saying so.
     */
    record DefaultRows(int count) implements Restriction {
        @Override
        public List<MethodStats> apply(List<MethodStats> rows) {
            return new FirstRows(count).apply(rows);
        }

        @Override
        public String repr() {
            return Integer.toString(count);
        }

        @Override
        public String reductionNote() {
            return ", the default for a long profile (-l 1.0 shows every row)";
        }
    }

    /** That fraction of the rows, rounded as pstats rounds it: {@code int(rows * fraction + 0.5)} ({@code -l 0.25}). */
    record Fraction(double fraction) implements Restriction {
        public Fraction {
            if (!(fraction >= 0 && fraction <= 1))
                throw new IllegalArgumentException("fraction not in [0, 1]: " + fraction);
        }

        @Override
        public List<MethodStats> apply(List<MethodStats> rows) {
            int count = (int) (rows.size() * fraction + 0.5);
            return List.copyOf(rows.subList(0, Math.min(count, rows.size())));
        }

        @Override
        public String repr() {
            return PythonRepr.of(fraction);
        }
    }

    /** The rows whose location the regex finds a match in, as pstats' {@code re.search} ({@code -l fib}). */
    record Matching(Pattern regex) implements Restriction {
        @Override
        public List<MethodStats> apply(List<MethodStats> rows) {
            return rows.stream()
                    .filter(row -> regex.matcher(row.location()).find())
                    .toList();
        }

        @Override
        public String repr() {
            return PythonRepr.of(regex.pattern());
        }
    }
}
