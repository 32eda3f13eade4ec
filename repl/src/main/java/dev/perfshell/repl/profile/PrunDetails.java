package dev.perfshell.repl.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfshell.repl.results.Metric;
import dev.perfshell.repl.results.ResultOrigin;
import dev.perfshell.repl.results.ResultRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code %prun}'s figures in a result: the profile's rows, times in ns (from samples, or from clock probes with their
 * cost subtracted; 0 with --counts).
 *
 * @param mode         {@code sampled}, {@code timed} or {@code counts}
 * @param samples      the statement's samples the times rest on (0 unless sampled)
 * @param probeSamples samples in the probes' own code, left out (0 unless sampled)
 * @param repeats      runs of the statement (-n); the figures are per run
 * @param methods      the rows with the most self time, at most {@link #ROWS_KEPT}
 * @param methodCount  rows in the whole profile
 */
public record PrunDetails(
        long totalNanos,
        long subtractedNanosPerCall,
        boolean timed,
        int threads,
        boolean partial,
        List<Profile.MethodStats> methods,
        int methodCount,
        String mode,
        long samples,
        long probeSamples,
        int repeats)
        implements ResultRecord.Details {
    /**
     * The rows a {@code %prun} result keeps: the store lives as long as the shell and every row goes into the JSON
     * export, so a profile of a million methods must not be kept whole (its {@code -D} dump has every row).
     */
    public static final int ROWS_KEPT = 1_000;

    public PrunDetails {
        methods = List.copyOf(methods);
    }

    /**
     * A {@code %prun} result: metric {@code total} in ns (the statement's wall time: with -n, one run's from the
     * sampled runs; otherwise the one run's, under the probes), one sample; rows sorted by self time, largest first.
     */
    public static ResultRecord record(String label, Profile profile, ResultOrigin origin) {
        double total = profile.totalNanos();
        Metric metric =
                new Metric("total", "ns", Metric.Direction.LOWER, new double[] {total}, total, Double.NaN, Double.NaN);
        List<Profile.MethodStats> rows = new ArrayList<>(profile.methods());
        rows.sort(Comparator.comparingLong(Profile.MethodStats::selfNanos)
                .reversed()
                .thenComparing(
                        Comparator.comparingLong(Profile.MethodStats::calls).reversed()));
        List<String> warnings = new ArrayList<>();
        if (profile.partial()) warnings.add("partial profile: the statement did not complete");
        if (rows.size() > ROWS_KEPT) {
            warnings.add(String.format(
                    Locale.ROOT,
                    "%,d methods: the result keeps the %,d with the most self time "
                            + "(%%prun -D FILE.json keeps them all)",
                    rows.size(),
                    ROWS_KEPT));
        }
        return new ResultRecord(
                "prun",
                label,
                profile.source(),
                Map.of(),
                origin.script(),
                origin.line(),
                warnings,
                metric,
                new PrunDetails(
                        profile.totalNanos(),
                        profile.subtractedNanosPerCall(),
                        profile.timed(),
                        profile.threads(),
                        profile.partial(),
                        rows.subList(0, Math.min(rows.size(), ROWS_KEPT)),
                        rows.size(),
                        profile.mode(),
                        profile.sampling() == null ? 0 : profile.sampling().samples(),
                        profile.sampling() == null ? 0 : profile.sampling().probeSamples(),
                        profile.repeats()));
    }

    @Override
    public void writeJson(ObjectNode node) {
        node.put("totalNanos", totalNanos);
        node.put("subtractedNanosPerCall", subtractedNanosPerCall);
        node.put("timed", timed);
        node.put("threads", threads);
        node.put("partial", partial);
        node.put("methodCount", methodCount);
        node.put("mode", mode);
        node.put("samples", samples);
        node.put("probeSamples", probeSamples);
        node.put("repeats", repeats);
        ArrayNode array = node.putArray("methods");
        for (Profile.MethodStats row : methods) {
            ObjectNode item = array.addObject();
            item.put("method", row.method());
            item.put("location", row.location());
            item.put("boundary", row.boundary());
            item.put("calls", row.calls());
            item.put("primitiveCalls", row.primitiveCalls());
            item.put("selfNanos", row.selfNanos());
            item.put("cumulativeNanos", row.cumulativeNanos());
            if (row.selfSamples() >= 0) {
                item.put("selfSamples", row.selfSamples());
                item.put("totalSamples", row.totalSamples());
            }
        }
    }
}
