package dev.perfshell.repl.profile;

import dev.perfshell.repl.profile.Profile.MethodStats;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The sort orders of {@code %prun -s}, named as Python 3.11's pstats names them.
 * Each constant is one order; some have two names ({@code time}/{@code tottime}). Counts and times sort
 * descending, names ascending.
 */
public enum SortKey {
    CALLS("call count", Comparator.comparingLong(MethodStats::calls).reversed(), "calls", "ncalls"),
    CUMULATIVE(
            "cumulative time",
            Comparator.comparingLong(MethodStats::cumulativeNanos).reversed(),
            "cumulative",
            "cumtime"),
    FILENAME("file name", Comparator.comparing(SortKey::file), "filename", "module"),
    LINE("line number", Comparator.comparingInt(SortKey::line), "line"),
    NAME("function name", Comparator.comparing(MethodStats::method), "name"),
    NFL(
            "name/file/line",
            Comparator.comparing(MethodStats::method)
                    .thenComparing(SortKey::file)
                    .thenComparingInt(SortKey::line),
            "nfl"),
    PCALLS(
            "primitive call count",
            Comparator.comparingLong(MethodStats::primitiveCalls).reversed(),
            "pcalls"),
    STDNAME("standard name", Comparator.comparing(MethodStats::location), "stdname"),
    TIME("internal time", Comparator.comparingLong(MethodStats::selfNanos).reversed(), "time", "tottime");

    /** IPython's default {@code -s time}. */
    public static final List<SortKey> DEFAULT_ORDER = List.of(TIME);

    private final String description;
    private final Comparator<MethodStats> comparator;
    private final List<String> names;

    SortKey(String description, Comparator<MethodStats> comparator, String... names) {
        this.description = description;
        this.comparator = comparator;
        this.names = List.of(names);
    }

    /** The names pstats accepts for this order, e.g. {@code [time, tottime]}. */
    public List<String> names() {
        return names;
    }

    /**
     * A key by name or unique prefix, case-sensitive as in pstats. A prefix is ambiguous only when it starts
     * names of different orders ({@code c}: calls or cumulative; {@code n}: ncalls, name or nfl). pstats also
     * rejects {@code cum} and {@code t}, whose names all mean one order; we accept them.
     *
     * @throws IllegalArgumentException naming the key and the valid keys, on one line
     */
    public static SortKey parse(String text) {
        for (SortKey key : values()) {
            if (key.names.contains(text)) return key;
        }
        List<SortKey> candidates = new ArrayList<>();
        List<String> matchingNames = new ArrayList<>();
        if (!text.isEmpty()) {
            for (SortKey key : values()) {
                for (String name : key.names) {
                    if (!name.startsWith(text)) continue;
                    matchingNames.add(name);
                    if (!candidates.contains(key)) candidates.add(key);
                }
            }
        }
        if (candidates.size() == 1) return candidates.get(0);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("-s " + text + ": unknown sort key; valid keys: "
                    + String.join(", ", allNames()) + " (or a unique prefix)");
        }
        matchingNames.sort(null);
        throw new IllegalArgumentException("-s " + text + ": ambiguous sort key, it starts "
                + String.join(", ", matchingNames) + "; valid keys: " + String.join(", ", allNames()));
    }

    /** Every accepted name, alphabetically. */
    public static List<String> allNames() {
        List<String> all = new ArrayList<>();
        for (SortKey key : values()) all.addAll(key.names);
        all.sort(null);
        return all;
    }

    /**
     * The rows' order for these keys, most significant first, as pstats chains repeated {@code -s}. pstats keeps
     * ties in the order the profiler met the functions; our rows come in no particular order, so ties are
     * broken by location and then row key, to make the report reproducible.
     */
    public static Comparator<MethodStats> comparator(List<SortKey> keys) {
        if (keys.isEmpty()) throw new IllegalArgumentException("no sort key");
        Comparator<MethodStats> order = keys.get(0).comparator;
        for (SortKey key : keys.subList(1, keys.size())) order = order.thenComparing(key.comparator);
        return order.thenComparing(MethodStats::location).thenComparing(MethodStats::key);
    }

    /** pstats' {@code Ordered by:} text, e.g. {@code internal time, call count}; repeated keys are repeated, as in pstats. */
    public static String orderedBy(List<SortKey> keys) {
        if (keys.isEmpty()) throw new IllegalArgumentException("no sort key");
        return keys.stream().map(k -> k.description).collect(Collectors.joining(", "));
    }

    private static String file(MethodStats row) {
        return Location.parse(row.location()).file();
    }

    private static int line(MethodStats row) {
        return Location.parse(row.location()).line();
    }
}
