package dev.perfshell.repl.profile;

import dev.perfshell.repl.profile.Profile.CallEdge;
import dev.perfshell.repl.profile.Profile.MethodStats;
import dev.perfshell.repl.profile.Restriction.Restricted;
import dev.perfshell.timing.runtime.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code %prun}'s report, laid out as pstats' {@code print_stats}, and the
 * {@code print_callers}/{@code print_callees} views. Differences from pstats, each for readability: "method
 * calls" for "function calls"; times in one unit chosen per table and named above it instead of fixed seconds;
 * number columns widen instead of overflowing; no trailing spaces and no two blank lines at the end.
 */
public final class ProfileRenderer {
    public static final String PARTIAL_LINE = "*** Partial profile: the statement did not complete.";
    private static final String INDENT = "   ";
    private static final int NCALLS_WIDTH = 9;
    private static final int EDGE_NCALLS_WIDTH = 7;
    private static final int TIME_WIDTH = 8;

    private ProfileRenderer() {}

    /** The report in IPython's default order ({@code -s time}), unrestricted. */
    public static List<String> render(Profile profile) {
        return render(profile, SortKey.DEFAULT_ORDER, List.of());
    }

    /**
     * The report: header, {@code Ordered by:}, one {@code List reduced…} line per restriction that removed rows,
     * then the table ({@code ncalls tottime percall cumtime percall location(method)}, or {@code ncalls
     * location(method)} for a counts-only profile).
     *
     * @param order        {@code -s} keys, most significant first; not empty
     * @param restrictions {@code -l} values, applied in order after sorting
     */
    public static List<String> render(Profile profile, List<SortKey> order, List<Restriction> restrictions) {
        List<String> lines = new ArrayList<>();
        if (profile.partial()) lines.add(PARTIAL_LINE);
        lines.add(header(profile));
        lines.add("");
        List<MethodStats> rows = orderedRows(profile, order, restrictions, lines);
        if (rows.isEmpty()) return lines;
        lines.add("");
        if (profile.timed()) timedTable(profile, rows, lines);
        else countsTable(rows, lines);
        if (profile.sampling() != null) lines.add(samplingFooter(profile));
        return lines;
    }

    /** pstats' {@code print_callers(regex)}: for each row whose location the regex finds, who called it. */
    public static List<String> callers(Profile profile, String regex) {
        return callers(profile, SortKey.DEFAULT_ORDER, List.of(matching(regex)));
    }

    /** pstats' {@code print_callers}: the rows ordered and restricted as in {@link #render}, each with its callers. */
    public static List<String> callers(Profile profile, List<SortKey> order, List<Restriction> restrictions) {
        return callView(profile, order, restrictions, true);
    }

    /** pstats' {@code print_callees(regex)}: for each row whose location the regex finds, what it called. */
    public static List<String> callees(Profile profile, String regex) {
        return callees(profile, SortKey.DEFAULT_ORDER, List.of(matching(regex)));
    }

    /** pstats' {@code print_callees}: the rows ordered and restricted as in {@link #render}, each with its callees. */
    public static List<String> callees(Profile profile, List<SortKey> order, List<Restriction> restrictions) {
        return callView(profile, order, restrictions, false);
    }

    /** {@code         21894 method calls (4 primitive calls) in 0.005 seconds}, pstats' line and indent. */
    static String header(Profile p) {
        long calls = p.totalCalls();
        long primitive = p.primitiveCalls();
        return "         " + calls + " method calls"
                + (calls != primitive ? " (" + primitive + " primitive calls)" : "")
                + (p.repeats() > 1 && p.totalNanos() < 1_000_000_000L
                        ? " in " + Units.time(p.totalNanos())
                        : String.format(Locale.ROOT, " in %.3f seconds", p.totalNanos() / 1e9))
                + (p.threads() > 1 ? " on " + p.threads() + " threads" : "")
                + (p.repeats() > 1 ? " per run (" + p.repeats() + " runs with -n)" : "")
                + (p.timed() ? "" : " (counts only: --counts)");
    }

    /** Sorts and restricts the rows, adding pstats' {@code Ordered by:} and {@code List reduced…} lines. */
    private static List<MethodStats> orderedRows(
            Profile profile, List<SortKey> order, List<Restriction> restrictions, List<String> lines) {
        List<MethodStats> sorted = new ArrayList<>(profile.methods());
        sorted.sort(SortKey.comparator(order));
        Restricted restricted = Restriction.applyAll(sorted, restrictions);
        lines.add(INDENT + "Ordered by: " + SortKey.orderedBy(order));
        lines.addAll(restricted.reductionLines());
        return restricted.rows();
    }

    private static void timedTable(Profile profile, List<MethodStats> rows, List<String> lines) {
        TimeScale scale = TimeScale.fitting(rows.stream()
                .mapToLong(r -> Math.max(r.selfNanos(), r.cumulativeNanos()))
                .max()
                .orElse(0));
        List<String[]> cells = new ArrayList<>();
        Profile.Sampling sampling = profile.sampling();
        for (MethodStats r : rows) {
            if (sampling != null) {
                cells.add(new String[] {
                    ncalls(r.calls(), r.primitiveCalls()),
                    sampled(scale, r.selfNanos(), 1, r.selfSamples(), sampling),
                    r.calls() == 0 ? "" : sampled(scale, r.selfNanos(), r.calls(), r.selfSamples(), sampling),
                    sampled(scale, r.cumulativeNanos(), 1, r.totalSamples(), sampling),
                    r.primitiveCalls() == 0
                            ? ""
                            : sampled(scale, r.cumulativeNanos(), r.primitiveCalls(), r.totalSamples(), sampling)
                });
                continue;
            }
            if (r.boundary() && r.selfNanos() == 0 && r.cumulativeNanos() == 0) {
                // boundary calls are counted, not timed (a probe pair would cost more than a HashMap.get): no times to
                // show, unless --time-boundary timed them
                cells.add(new String[] {ncalls(r.calls(), r.primitiveCalls()), "-", "-", "-", "-"});
                continue;
            }
            cells.add(new String[] {
                ncalls(r.calls(), r.primitiveCalls()),
                scale.format(r.selfNanos(), 1),
                r.calls() == 0 ? "" : scale.format(r.selfNanos(), r.calls()),
                scale.format(r.cumulativeNanos(), 1),
                r.primitiveCalls() == 0 ? "" : scale.format(r.cumulativeNanos(), r.primitiveCalls())
            });
        }
        int countWidth = width(cells, 0, 1, NCALLS_WIDTH);
        int timeWidth = width(cells, 1, 5, TIME_WIDTH);
        lines.add(timesLine(profile, scale));
        lines.add(pad("ncalls", countWidth) + " " + pad("tottime", timeWidth) + " " + pad("percall", timeWidth) + " "
                + pad("cumtime", timeWidth) + " " + pad("percall", timeWidth) + " location(method)");
        for (int i = 0; i < rows.size(); i++) {
            StringBuilder line = new StringBuilder(pad(cells.get(i)[0], countWidth));
            for (int c = 1; c < 5; c++) line.append(' ').append(pad(cells.get(i)[c], timeWidth));
            lines.add(line.append(' ').append(rows.get(i).location()).toString());
        }
    }

    private static void countsTable(List<MethodStats> rows, List<String> lines) {
        int countWidth = NCALLS_WIDTH;
        for (MethodStats r : rows)
            countWidth =
                    Math.max(countWidth, ncalls(r.calls(), r.primitiveCalls()).length());
        lines.add(pad("ncalls", countWidth) + " location(method)");
        for (MethodStats r : rows)
            lines.add(pad(ncalls(r.calls(), r.primitiveCalls()), countWidth) + " " + r.location());
    }

    /**
     * pstats' call view: {@code Function  was called by...} (or {@code called...}), then per row its location, the
     * arrow, and one line per edge ({@code ncalls tottime cumtime location}, the callee's times in those calls),
     * edges in pstats' order (file, line, name of the other end).
     */
    private static List<String> callView(
            Profile profile, List<SortKey> order, List<Restriction> restrictions, boolean callers) {
        List<String> lines = new ArrayList<>();
        if (profile.partial()) lines.add(PARTIAL_LINE);
        List<MethodStats> rows = orderedRows(profile, order, restrictions, lines);
        if (rows.isEmpty()) return lines;
        lines.add("");

        RowIndex index = new RowIndex(profile);
        Function<CallEdge, String> otherEnd =
                e -> index.row(callers ? e.caller() : e.callee()).location();
        // Edges grouped by row key in one pass: rows × edges would be 10^12 steps for a profile of a million methods.
        Map<String, List<CallEdge>> edgesByKey = new HashMap<>();
        for (CallEdge e : profile.edges()) {
            edgesByKey
                    .computeIfAbsent(callers ? e.callee() : e.caller(), key -> new ArrayList<>())
                    .add(e);
        }
        Map<MethodStats, List<CallEdge>> edgesOf = new HashMap<>();
        for (MethodStats row : rows) {
            List<CallEdge> edges = new ArrayList<>(edgesByKey.getOrDefault(row.key(), List.of()));
            edges.sort(Comparator.comparing(otherEnd, Location.PSTATS_ORDER).thenComparing(otherEnd));
            edgesOf.put(row, edges);
        }
        List<CallEdge> shown = edgesOf.values().stream().flatMap(List::stream).toList();

        TimeScale scale = TimeScale.fitting(shown.stream()
                .mapToLong(e -> Math.max(e.selfNanos(), e.cumulativeNanos()))
                .max()
                .orElse(0));
        int countWidth = EDGE_NCALLS_WIDTH;
        int timeWidth = TIME_WIDTH;
        for (CallEdge e : shown) {
            countWidth =
                    Math.max(countWidth, ncalls(e.calls(), e.primitiveCalls()).length());
            timeWidth = Math.max(
                    timeWidth,
                    Math.max(
                            scale.format(e.selfNanos(), 1).length(),
                            scale.format(e.cumulativeNanos(), 1).length()));
        }
        int nameWidth = rows.stream().mapToInt(r -> r.location().length()).max().orElse(0) + 2;
        String arrow = callers ? "<- " : "-> ";
        String under = " ".repeat(nameWidth + arrow.length());

        if (profile.timed()) lines.add(timesLine(profile, scale));
        lines.add(padRight("Function ", nameWidth) + (callers ? "was called by..." : "called..."));
        lines.add(under
                + pad("ncalls", countWidth)
                + (profile.timed() ? " " + pad("tottime", timeWidth) + " " + pad("cumtime", timeWidth) : ""));
        for (MethodStats row : rows) {
            String first = padRight(row.location(), nameWidth) + arrow;
            List<CallEdge> edges = edgesOf.get(row);
            if (edges.isEmpty()) lines.add(first.stripTrailing());
            for (int i = 0; i < edges.size(); i++) {
                CallEdge e = edges.get(i);
                lines.add((i == 0 ? first : under) + pad(ncalls(e.calls(), e.primitiveCalls()), countWidth)
                        + (profile.timed()
                                ? " " + pad(scale.format(e.selfNanos(), 1), timeWidth) + " "
                                        + pad(scale.format(e.cumulativeNanos(), 1), timeWidth)
                                : "")
                        + "  " + otherEnd.apply(e));
            }
        }
        return lines;
    }

    /** {@code    Times in µs (probe cost subtracted: 49 ns per call)}: the unit pstats doesn't need to name. */
    private static String timesLine(Profile profile, TimeScale scale) {
        if (profile.sampling() != null)
            return INDENT + "Times in " + scale.unit() + ", from samples; calls counted exactly";
        return INDENT + "Times in " + scale.unit()
                + (profile.subtractedNanosPerCall() > 0
                        ? " (probe cost subtracted: " + Units.time(profile.subtractedNanosPerCall()) + " per call)"
                        : "");
    }

    /**
     * A sampled time: {@code ≈} when it rests on fewer than {@link Profile.Sampling#FEW} samples (its relative
     * standard error, about 1/√k, is then above 22%), {@code <} and one sample's worth when no sample saw it.
     */
    private static String sampled(TimeScale scale, long nanos, long divisor, long samples, Profile.Sampling sampling) {
        if (samples <= 0) return "<" + scale.format(Math.max(1, Math.round(sampling.oneSampleNanos())), divisor);
        String value = scale.format(nanos, divisor);
        return samples < Profile.Sampling.FEW ? "≈" + value : value;
    }

    /** Where the times came from and how far to trust them, under a sampled table. */
    static String samplingFooter(Profile profile) {
        Profile.Sampling s = profile.sampling();
        if (s.samples() == 0) {
            return INDENT + "No sample fell in the statement (" + s.sampler()
                    + "): it ran for less than a sampling interval. " + "Next: -n N, or --timed.";
        }
        long all = s.samples() + s.probeSamples();
        String probes = s.probeSamples() == 0
                ? ""
                : String.format(
                        Locale.ROOT,
                        "; the counting probes' own %d%% of the samples is left out",
                        Math.round(100.0 * s.probeSamples() / all));
        return String.format(
                Locale.ROOT,
                "%sTimes rest on %,d samples (%s, one per %s)%s. ≈: fewer than %d samples; <: none.",
                INDENT,
                s.samples(),
                s.sampler(),
                Units.time(s.oneSampleNanos() * profile.repeats()),
                probes,
                Profile.Sampling.FEW);
    }

    /** pstats' ncalls: {@code 21891/1} for total/primitive when recursion made them differ. */
    private static String ncalls(long calls, long primitive) {
        return calls == primitive ? Long.toString(calls) : calls + "/" + primitive;
    }

    private static Restriction matching(String regex) {
        try {
            return new Restriction.Matching(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                    "not a valid regular expression: " + regex + " (" + e.getDescription() + ")");
        }
    }

    private static int width(List<String[]> cells, int from, int to, int minimum) {
        int width = minimum;
        for (String[] row : cells) {
            for (int c = from; c < to; c++) width = Math.max(width, row[c].length());
        }
        return width;
    }

    private static String pad(String text, int width) {
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    private static String padRight(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
