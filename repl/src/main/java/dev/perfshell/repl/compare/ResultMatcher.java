package dev.perfshell.repl.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs the results of two files. A label is the user's own name for a result, so two labelled results
 * match by label (the Nth "sqrt" with the Nth "sqrt"). The rest match by what was measured and how:
 * magic, source and params, plus the occurrence index, because a script may measure the same snippet
 * twice and the Nth measurement should meet the Nth. Nothing is dropped: what finds no partner is
 * reported as only in one file.
 */
final class ResultMatcher {
    private ResultMatcher() {}

    /** Two results taken to be the same measurement, in BASE's order. */
    record Match(ResultsFile.Entry base, ResultsFile.Entry candidate) {}

    record Matching(List<Match> matches, List<ResultsFile.Entry> onlyInBase, List<ResultsFile.Entry> onlyInNew) {}

    static Matching match(List<ResultsFile.Entry> base, List<ResultsFile.Entry> candidate) {
        // By identity: two results with equal fields are still two results.
        Map<ResultsFile.Entry, ResultsFile.Entry> partner = new IdentityHashMap<>();
        boolean[] taken = new boolean[candidate.size()];
        pair(base, candidate, taken, partner, true);
        pair(base, candidate, taken, partner, false);

        List<Match> matches = new ArrayList<>();
        List<ResultsFile.Entry> onlyInBase = new ArrayList<>();
        for (ResultsFile.Entry entry : base) {
            ResultsFile.Entry other = partner.get(entry);
            if (other == null) onlyInBase.add(entry);
            else matches.add(new Match(entry, other));
        }
        List<ResultsFile.Entry> onlyInNew = new ArrayList<>();
        for (int i = 0; i < candidate.size(); i++) if (!taken[i]) onlyInNew.add(candidate.get(i));
        return new Matching(matches, onlyInBase, onlyInNew);
    }

    /**
     * One pass: by label ({@code byLabel}) among results that both have one, else by key among the results
     * still unpaired where not both are labelled (two different labels are two different results).
     * Occurrences are counted among the results taking part in the pass, on each side in file order.
     */
    private static void pair(
            List<ResultsFile.Entry> base,
            List<ResultsFile.Entry> candidate,
            boolean[] taken,
            Map<ResultsFile.Entry, ResultsFile.Entry> partner,
            boolean byLabel) {
        Map<String, List<Integer>> waiting = new HashMap<>(); // key -> unpaired candidate indexes, in order
        for (int i = 0; i < candidate.size(); i++) {
            ResultsFile.Entry entry = candidate.get(i);
            if (taken[i] || byLabel && entry.label() == null) continue;
            waiting.computeIfAbsent(identity(entry, byLabel), k -> new ArrayList<>())
                    .add(i);
        }
        Map<String, Integer> occurrence = new HashMap<>();
        for (ResultsFile.Entry entry : base) {
            if (partner.containsKey(entry) || byLabel && entry.label() == null) continue;
            String identity = identity(entry, byLabel);
            int nth = occurrence.merge(identity, 1, Integer::sum) - 1;
            List<Integer> queue = waiting.getOrDefault(identity, List.of());
            if (nth >= queue.size()) continue;
            int index = queue.get(nth);
            ResultsFile.Entry other = candidate.get(index);
            if (!byLabel && entry.label() != null && other.label() != null) continue;
            taken[index] = true;
            partner.put(entry, other);
        }
    }

    private static String identity(ResultsFile.Entry entry, boolean byLabel) {
        return byLabel ? entry.label() : entry.key();
    }
}
