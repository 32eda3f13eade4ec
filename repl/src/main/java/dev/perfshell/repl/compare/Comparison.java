package dev.perfshell.repl.compare;

import java.util.List;

/**
 * Everything {@code compare} concluded about two results files, ready for a renderer.
 *
 * @param onlyInBase         display names of BASE's results that NEW lacks
 * @param notComparable      one line per matched pair whose metrics differ in name, unit or direction
 * @param notes              caveats about the evidence (single-engine runs, results with no test possible)
 * @param environmentWarnings one line per environment fact that differs between the files
 * @param geometricMeans     per unit kind (time, bytes) that has results with a ratio, in that order: one mean
 *                           over times and bytes together would mix a speed-up with a saving
 * @param exitCode           0, or 1 when a verdict fails the run under {@code failOn}
 */
public record Comparison(
        String baseName,
        String newName,
        double thresholdPercent,
        FailOn failOn,
        List<ResultPair> pairs,
        List<String> onlyInBase,
        List<String> onlyInNew,
        List<String> notComparable,
        List<String> notes,
        List<String> environmentWarnings,
        List<GeometricMean> geometricMeans,
        int exitCode) {

    public Comparison {
        pairs = List.copyOf(pairs);
        onlyInBase = List.copyOf(onlyInBase);
        onlyInNew = List.copyOf(onlyInNew);
        notComparable = List.copyOf(notComparable);
        notes = List.copyOf(notes);
        environmentWarnings = List.copyOf(environmentWarnings);
        geometricMeans = List.copyOf(geometricMeans);
    }

    public long count(Verdict verdict) {
        return pairs.stream().filter(pair -> pair.verdict() == verdict).count();
    }

    long count(UnitKind kind, Verdict verdict) {
        return pairs.stream()
                .filter(pair -> pair.kind() == kind && pair.verdict() == verdict)
                .count();
    }
}
