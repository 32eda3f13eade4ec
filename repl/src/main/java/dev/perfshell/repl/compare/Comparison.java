package dev.perfshell.repl.compare;

import java.util.List;

/**
 * Everything {@code compare} concluded about two results files, ready for a renderer.
 *
 * @param onlyInBase         display names of BASE's results that NEW lacks
 * @param notComparable      one line per matched pair whose metrics differ in name, unit or direction
 * @param notes              caveats about the evidence (single-engine runs, results with no test possible)
 * @param environmentWarnings one line per environment fact that differs between the files
 * @param geometricMean      geometric mean of the direction-adjusted ratios (above 1: worse); NaN when none
 * @param geometricMeanCount results in the geometric mean
 * @param exitCode           0, or 1 when a verdict fails the run under {@code failOn}
 */
public record Comparison(String baseName, String newName, double thresholdPercent, FailOn failOn,
                         List<ResultPair> pairs, List<String> onlyInBase, List<String> onlyInNew,
                         List<String> notComparable, List<String> notes, List<String> environmentWarnings,
                         double geometricMean, int geometricMeanCount, int exitCode) {

    public Comparison {
        pairs = List.copyOf(pairs);
        onlyInBase = List.copyOf(onlyInBase);
        onlyInNew = List.copyOf(onlyInNew);
        notComparable = List.copyOf(notComparable);
        notes = List.copyOf(notes);
        environmentWarnings = List.copyOf(environmentWarnings);
    }

    public long count(Verdict verdict) {
        return pairs.stream().filter(pair -> pair.verdict() == verdict).count();
    }
}
