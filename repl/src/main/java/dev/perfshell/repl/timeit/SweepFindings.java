package dev.perfshell.repl.timeit;

import dev.perfshell.timing.Finding;
import dev.perfshell.timing.FindingText;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A sweep's findings, each said once with the values it was found at ({@code n=10,100: ...}): a sweep prints one
 * line per value, and the same warning repeated above each would bury them. The wording of the first value found
 * stands for all.
 */
public final class SweepFindings {
    private final Map<Finding.Kind, List<Long>> foundAt = new LinkedHashMap<>();
    private final Map<Finding.Kind, String> firstLine = new HashMap<>();

    /** The findings of one value's report. */
    public void add(long value, List<Finding> findings) {
        for (Finding finding : findings) {
            foundAt.computeIfAbsent(finding.kind(), kind -> new ArrayList<>()).add(value);
            firstLine.putIfAbsent(finding.kind(), FindingText.line(finding));
        }
    }

    /** One warning per kind of finding, in the order they were first found; {@code name} is the parameter's. */
    public List<String> warnings(String name) {
        List<String> warnings = new ArrayList<>();
        foundAt.forEach((kind, values) -> warnings.add(name + "="
                + values.stream().map(String::valueOf).collect(Collectors.joining(",")) + ": " + firstLine.get(kind)));
        return warnings;
    }
}
