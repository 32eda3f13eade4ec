package dev.perfshell.repl.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** How %prun shows a profile: sort keys, restrictions, callers/callees views, files. (Provisional table.) */
public final class ProfileView {
    private final List<String> sortKeys;
    private final List<String> limits;
    private final String callers;
    private final String callees;

    private ProfileView(List<String> sortKeys, List<String> limits, String callers, String callees) {
        this.sortKeys = sortKeys;
        this.limits = limits;
        this.callers = callers;
        this.callees = callees;
    }

    /** @throws IllegalArgumentException for a bad sort key or limit, before anything runs */
    public static ProfileView of(List<String> sortKeys, List<String> limits, String callers, String callees) {
        return new ProfileView(List.copyOf(sortKeys), List.copyOf(limits), callers, callees);
    }

    public List<String> render(Profile profile) {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%d method calls (%d primitive calls) in %.3f seconds", profile.totalCalls(),
                profile.primitiveCalls(), profile.totalNanos() / 1e9) + " subtracted " + profile.subtractedNanosPerCall());
        List<Profile.MethodStats> rows = new ArrayList<>(profile.methods());
        rows.sort(Comparator.comparingLong(Profile.MethodStats::selfNanos).reversed());
        for (Profile.MethodStats row : rows) {
            lines.add(String.format(Locale.ROOT, "%10s %12d %12d %s", row.calls() == row.primitiveCalls() ? row.calls() + ""
                    : row.calls() + "/" + row.primitiveCalls(), row.selfNanos(), row.cumulativeNanos(), row.location()));
        }
        return lines;
    }

    public List<String> save(Profile profile, List<String> report, String textFile, String dumpFile) {
        return List.of();
    }

    /** Java that rebuilds the profile in the engine as a ProfileResult, for {@code -r}. */
    public String constructor(Profile profile) {
        List<Profile.MethodStats> rows = profile.methods();
        StringBuilder names = new StringBuilder();
        StringBuilder calls = new StringBuilder();
        StringBuilder primitive = new StringBuilder();
        StringBuilder self = new StringBuilder();
        StringBuilder cumulative = new StringBuilder();
        for (Profile.MethodStats row : rows) {
            String sep = names.length() == 0 ? "" : ", ";
            names.append(sep).append('"').append(row.method().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            calls.append(sep).append(row.calls()).append('L');
            primitive.append(sep).append(row.primitiveCalls()).append('L');
            self.append(sep).append(row.selfNanos()).append('L');
            cumulative.append(sep).append(row.cumulativeNanos()).append('L');
        }
        return "new dev.perfshell.profiling.probe.ProfileResult(" + profile.totalNanos() + "L, new String[] {" + names
                + "}, new long[] {" + calls + "}, new long[] {" + primitive + "}, new long[] {" + self + "}, new long[] {"
                + cumulative + "})";
    }
}
