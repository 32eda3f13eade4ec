package dev.perfshell.repl.compare;

import dev.perfshell.timing.runtime.Units;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How both renderers write figures, so the text table and the Markdown table say the same. */
final class CompareFormat {
    private CompareFormat() {}

    /** A center in its unit, scaled for reading: {@code 12.3 ns}, {@code 4.56 ms}, {@code 1.2 KiB}. */
    static String value(double value, String unit) {
        switch (unit) {
            case "ns/op", "ns":
                return Units.time(value);
            case "bytes", "bytes/op":
                return Math.abs(value) >= 1024 || value == Math.rint(value)
                        ? Units.bytes(value)
                        : significant(value) + " B";
            default:
                return significant(value) + " " + unit;
        }
    }

    /** {@code +23.4%}, {@code -1.2%}. */
    static String percent(double percent) {
        return signed(percent) + "%";
    }

    /** {@code +23.4% [+20.1, +26.8]}, or only the change when there is no interval. */
    static String change(ResultPair pair) {
        String change = percent(pair.changePercent());
        if (Double.isNaN(pair.ciLowPercent())) return change;
        return change + " [" + signed(pair.ciLowPercent()) + ", " + signed(pair.ciHighPercent()) + "]";
    }

    /** A time's ratio: {@code 1.23x slower}, {@code 1.10x faster}, {@code 1.00x} when it rounds to no change. */
    static String ratio(double ratio) {
        return ratio(ratio, UnitKind.TIME);
    }

    /** {@code 1.23x slower} for a time, {@code 5.13x less} for bytes; {@code 1.00x} when it rounds to no change. */
    static String ratio(double ratio, UnitKind kind) {
        if (Double.isNaN(ratio)) return "n/a";
        double factor = ratio >= 1 ? ratio : 1 / ratio;
        String number = Units.ratio(factor);
        if (number.equals("1.00")) return "1.00x";
        return number + "x " + kind.ratioWord(ratio > 1);
    }

    /** The pair's verdict in its unit's words: {@code slower}, {@code fewer bytes}, {@code no significant change}. */
    static String verdict(ResultPair pair) {
        if (pair.verdict() == Verdict.SLOWER || pair.verdict() == Verdict.FASTER)
            return pair.kind().verdictWord(pair.verdict() == Verdict.SLOWER);
        return pair.verdict().text();
    }

    /** {@code pU=0.004 pT=0.001} (Mann-Whitney, exact where it can be; Welch's t on the logarithms); {@code no test} without one. */
    static String pValues(ResultPair pair) {
        if (!pair.tested()) return "no test";
        return "pU" + p(pair.pU()) + " pT" + p(pair.pT());
    }

    /** Three decimals, one more where rounding would hide which side of the 0.05 level a p-value is on. */
    private static String p(double p) {
        if (p < 0.001) return "<0.001";
        String text = String.format(Locale.ROOT, "%.3f", p);
        if (text.equals("0.050") && p < Comparer.ALPHA) text = String.format(Locale.ROOT, "%.4f", p);
        return "=" + text;
    }

    /** {@code 5%}, {@code 2.5%}. */
    /**
     * A pair's figures as both reports show them, between its name and its verdict: base, new, change with its
     * interval, ratio, evidence, p-values.
     */
    static List<String> figures(ResultPair pair) {
        return List.of(
                value(pair.baseCenter(), pair.unit()),
                value(pair.newCenter(), pair.unit()),
                change(pair),
                ratio(pair.ratio(), pair.kind()),
                pair.evidence().describe(),
                pValues(pair));
    }

    /** One list under the table: its heading, {@code title (count):}, and its items. */
    record Section(String title, List<String> items) {
        String heading() {
            return title + " (" + items.size() + "):";
        }
    }

    /**
     * The lists both reports print under the table, in order, empty ones left out.
     *
     * @param file how the report writes a file's name in a title (Markdown as code)
     */
    static List<Section> sections(Comparison comparison, java.util.function.UnaryOperator<String> file) {
        List<Section> sections = new ArrayList<>();
        for (Section section : List.of(
                new Section("Only in " + file.apply(comparison.baseName()), comparison.onlyInBase()),
                new Section("Only in " + file.apply(comparison.newName()), comparison.onlyInNew()),
                new Section("Not comparable", comparison.notComparable()),
                new Section("Notes", comparison.notes()),
                new Section("Environment warnings", comparison.environmentWarnings()))) {
            if (!section.items().isEmpty()) sections.add(section);
        }
        return sections;
    }

    static String threshold(double percent) {
        return BigDecimal.valueOf(percent).stripTrailingZeros().toPlainString() + "%";
    }

    /** {@code Geometric mean (time): 1.08x slower (7 results)}, one line per unit kind: bytes and times never mix. */
    static List<String> geometricMeans(Comparison comparison) {
        if (comparison.geometricMeans().isEmpty()) return List.of("Geometric mean: n/a (no result with a ratio)");
        return comparison.geometricMeans().stream()
                .map(mean -> "Geometric mean (" + mean.kind().title() + "): " + ratio(mean.value(), mean.kind()) + " ("
                        + mean.count() + (mean.count() == 1 ? " result)" : " results)"))
                .toList();
    }

    /**
     * {@code 1 slower, 0 faster, 11 unchanged — regression beyond 5%: exit 1}; bytes and other units counted in their
     * own words ({@code 1 more bytes, 0 fewer bytes}) when one of them changed.
     */
    static String summary(Comparison comparison) {
        long unchanged = comparison.count(Verdict.NO_SIGNIFICANT_CHANGE) + comparison.count(Verdict.WITHIN_NOISE);
        String what = comparison.failOn() == FailOn.ANY_CHANGE ? "change" : "regression";
        String threshold = threshold(comparison.thresholdPercent());
        long inconclusive = comparison.count(Verdict.INCONCLUSIVE);
        StringBuilder counts = new StringBuilder();
        for (UnitKind kind : UnitKind.values()) {
            boolean changed = comparison.count(kind, Verdict.SLOWER) + comparison.count(kind, Verdict.FASTER) > 0;
            if (kind != UnitKind.TIME && !changed) continue;
            counts.append(comparison.count(kind, Verdict.SLOWER))
                    .append(' ')
                    .append(kind.verdictWord(true))
                    .append(", ")
                    .append(comparison.count(kind, Verdict.FASTER))
                    .append(' ')
                    .append(kind.verdictWord(false))
                    .append(", ");
        }
        return counts + (inconclusive == 0 ? "" : inconclusive + " inconclusive, ") + unchanged + " unchanged \u2014 "
                + (comparison.exitCode() == 0 ? "no " + what : what) + " beyond " + threshold + ": exit "
                + comparison.exitCode();
    }

    private static String signed(double percent) {
        if (Double.isInfinite(percent)) return percent > 0 ? "+\u221e" : "-\u221e";
        String text = String.format(Locale.ROOT, "%+.1f", percent);
        return text.equals("-0.0") ? "+0.0" : text;
    }

    private static String significant(double value) {
        if (!Double.isFinite(value)) return String.valueOf(value);
        return new BigDecimal(value)
                .round(new MathContext(3, RoundingMode.HALF_EVEN))
                .stripTrailingZeros()
                .toPlainString();
    }
}
