package dev.perfshell.profiling.probe;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives %lprun's lines their times from samples that carry line numbers: a sample counts for the line that its
 * innermost frame of a chosen method was on, so a line's time includes what it called, as line_profiler's does.
 * As for %prun's rows ({@link SampleAttribution}), samples in the probes' own code are counted apart, and samples
 * that are not the statement's (no frame of JShell's {@code do_it$}) are left out.
 */
public final class LineSamples {
    /**
     * @param perMethod        per chosen method (in the order given), its sample count by class-file line
     * @param statementSamples samples of the statement, the probes' excluded: what the shares are of
     * @param probeSamples     samples of the statement that landed in the probes' code
     */
    public record Result(List<Map<Integer, Long>> perMethod, long statementSamples, long probeSamples) {}

    /** A chosen method: owner with slashes, name, descriptor. */
    public record Method(String owner, String name, String descriptor) {}

    private final List<Method> methods;

    public LineSamples(List<Method> methods) {
        this.methods = List.copyOf(methods);
    }

    /** @param collapsed folded stacks whose frames end in {@code :line} (see the samplers' {@code lines} option) */
    public Result attribute(String collapsed) {
        List<Map<Integer, Long>> perMethod = new java.util.ArrayList<>();
        for (int i = 0; i < methods.size(); i++) perMethod.add(new HashMap<>());
        long statement = 0;
        long probes = 0;
        for (String line : collapsed.split("\n")) {
            SampleAttribution.Folded folded = SampleAttribution.Folded.parse(line);
            if (folded == null) continue;
            long count = folded.count();
            boolean inStatement = false;
            boolean inProbe = false;
            int chosen = -1;
            int chosenLine = -1;
            for (String raw : folded.frames()) {
                SampleAttribution.Frame frame = SampleAttribution.Frame.parse(raw);
                if (frame == null) continue;
                if (frame.name().equals(SampleAttribution.STATEMENT)
                        && frame.owner().startsWith(SampleAttribution.SNIPPETS)) inStatement = true;
                if (frame.owner().startsWith(SampleAttribution.PROBE_PACKAGE)) {
                    inProbe = true;
                    break;
                }
                int m = index(frame);
                if (m >= 0 && frame.line() > 0) {
                    chosen = m;
                    chosenLine = frame.line();
                }
            }
            if (!inStatement) continue;
            if (inProbe) {
                probes += count;
                continue;
            }
            statement += count;
            if (chosen >= 0) perMethod.get(chosen).merge(chosenLine, count, Long::sum);
        }
        return new Result(perMethod, statement, probes);
    }

    private int index(SampleAttribution.Frame frame) {
        for (int i = 0; i < methods.size(); i++) {
            Method m = methods.get(i);
            if (m.owner().equals(frame.owner())
                    && m.name().equals(frame.name())
                    && (frame.descriptor() == null || m.descriptor().equals(frame.descriptor()))) return i;
        }
        return -1;
    }
}
