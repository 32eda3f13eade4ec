package dev.perfshell.profiling.probe;

import java.util.List;

/**
 * What {@code %lprun -r NAME} and {@code %mprun -r NAME} bind: per method (named as the report names it,
 * {@code fib(int)}), per source line, the hits and the figure (ns with probe cost subtracted, or bytes).
 */
public final class LineResult {
    private final List<String> methods;
    private final int[][] lines;
    private final long[][] hits;
    private final long[][] values;

    public LineResult(String[] methods, int[][] lines, long[][] hits, long[][] values) {
        this.methods = List.of(methods);
        this.lines = lines.clone();
        this.hits = hits.clone();
        this.values = values.clone();
    }

    public List<String> methods() {
        return methods;
    }

    /** Times line {@code line} (of its snippet or file) of {@code method} ran; 0 when it did not or is unknown. */
    public long hits(String method, int line) {
        return atLine(hits, method, line);
    }

    /** The line's figure: nanoseconds (%lprun) or bytes allocated (%mprun). */
    public long value(String method, int line) {
        return atLine(values, method, line);
    }

    /** One of the per-line figures (hits or values) of the method's line; 0 when it did not run or is unknown. */
    private long atLine(long[][] figures, String method, int line) {
        int m = methods.indexOf(method);
        if (m < 0) return 0;
        for (int i = 0; i < lines[m].length; i++) if (lines[m][i] == line) return figures[m][i];
        return 0;
    }

    /** The method's figures summed over its lines. */
    public long total(String method) {
        int m = methods.indexOf(method);
        if (m < 0) return 0;
        long sum = 0;
        for (long v : values[m]) sum += v;
        return sum;
    }

    @Override
    public String toString() {
        return "LineResult" + methods;
    }
}
