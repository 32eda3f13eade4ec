package dev.perfshell.repl.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How %prun shows a profile, from its options: the sort keys and restrictions (checked when the view is
 * made, before the statement runs: IPython raises a raw KeyError after running it), the callers/callees
 * views, and the -T/-D files.
 */
public final class ProfileView {
    /** Rows shown when {@code -l} is not given; a shorter profile is shown whole, as pstats does. */
    public static final int DEFAULT_ROWS = 100;
    /** Rows {@link #constructor} can bind: javac compiles 1,500 (checked) and refuses 3,000 as "code too large". */
    public static final int MAX_BOUND_ROWS = 1_000;

    private final List<SortKey> order;
    private final List<Restriction> restrictions;
    private final String callers;
    private final String callees;
    private final Path textFile;
    private final Path dumpFile;

    private ProfileView(
            List<SortKey> order,
            List<Restriction> restrictions,
            String callers,
            String callees,
            Path textFile,
            Path dumpFile) {
        this.order = order;
        this.restrictions = restrictions;
        this.callers = callers;
        this.callees = callees;
        this.textFile = textFile;
        this.dumpFile = dumpFile;
    }

    /**
     * @param sortKeys -s values, in order (empty: IPython's default, internal time; call count with --counts)
     * @param limits   -l values, in order
     * @param callers  --callers REGEX ("" for all rows), or {@code null}
     * @param callees  --callees REGEX ("" for all rows), or {@code null}
     * @throws IllegalArgumentException naming the bad key, limit or dump file name
     */
    public static ProfileView of(
            List<String> sortKeys,
            List<String> limits,
            String callers,
            String callees,
            boolean counts,
            String textFile,
            String dumpFile) {
        List<SortKey> order = new ArrayList<>();
        for (String key : sortKeys) order.add(SortKey.parse(key));
        // With --counts every time is 0: the default order by time would say nothing.
        if (order.isEmpty()) order.addAll(counts ? List.of(SortKey.CALLS) : SortKey.DEFAULT_ORDER);
        List<Restriction> restrictions = new ArrayList<>();
        for (String limit : limits) restrictions.add(Restriction.parse(limit));
        if (callers != null && !callers.isEmpty()) java.util.regex.Pattern.compile(callers);
        if (callees != null && !callees.isEmpty()) java.util.regex.Pattern.compile(callees);
        Path dump = dumpFile == null ? null : Path.of(dumpFile);
        if (dump != null) ProfileDump.formatOf(dump);
        return new ProfileView(
                List.copyOf(order),
                List.copyOf(restrictions),
                callers,
                callees,
                textFile == null ? null : Path.of(textFile),
                dump);
    }

    /**
     * The report: pstats' table, then the callers and callees views when asked for. Without {@code -l}, a profile
     * of more than {@link #DEFAULT_ROWS} rows shows its first {@link #DEFAULT_ROWS} (the regex forms of
     * {@code --callers}/{@code --callees} choose their rows themselves).
     */
    public List<String> render(Profile profile) {
        List<Restriction> shown = restrictions.isEmpty() && profile.methods().size() > DEFAULT_ROWS
                ? List.of(new Restriction.DefaultRows(DEFAULT_ROWS))
                : restrictions;
        List<String> lines = new ArrayList<>(ProfileRenderer.render(profile, order, shown));
        if (callers != null) {
            lines.add("");
            lines.addAll(
                    callers.isEmpty()
                            ? ProfileRenderer.callers(profile, order, shown)
                            : ProfileRenderer.callers(profile, callers));
        }
        if (callees != null) {
            lines.add("");
            lines.addAll(
                    callees.isEmpty()
                            ? ProfileRenderer.callees(profile, order, shown)
                            : ProfileRenderer.callees(profile, callees));
        }
        return lines;
    }

    /** Writes -T and -D files; returns IPython's confirmation lines. */
    public List<String> save(Profile profile, List<String> report) throws IOException {
        List<String> confirmations = new ArrayList<>();
        if (textFile != null) confirmations.add(ProfileDump.saveText(report, textFile));
        if (dumpFile != null) confirmations.add(ProfileDump.dump(profile, dumpFile));
        return confirmations;
    }

    /** Java that rebuilds the profile in the engine as a ProfileResult, for {@code -r}. */
    public static String constructor(Profile profile) {
        List<Profile.MethodStats> rows = new ArrayList<>(profile.methods());
        rows.sort(SortKey.comparator(SortKey.DEFAULT_ORDER));
        StringBuilder names = new StringBuilder();
        StringBuilder calls = new StringBuilder();
        StringBuilder primitive = new StringBuilder();
        StringBuilder self = new StringBuilder();
        StringBuilder cumulative = new StringBuilder();
        for (Profile.MethodStats row : rows) {
            String sep = names.length() == 0 ? "" : ", ";
            names.append(sep)
                    .append('"')
                    .append(row.method().replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"');
            calls.append(sep).append(row.calls()).append('L');
            primitive.append(sep).append(row.primitiveCalls()).append('L');
            self.append(sep).append(row.selfNanos()).append('L');
            cumulative.append(sep).append(row.cumulativeNanos()).append('L');
        }
        return "new dev.perfshell.profiling.probe.ProfileResult(" + profile.totalNanos() + "L, new String[] {" + names
                + "}, new long[] {" + calls + "}, new long[] {" + primitive + "}, new long[] {" + self
                + "}, new long[] {"
                + cumulative + "})";
    }
}
