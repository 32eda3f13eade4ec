package dev.perfshell.repl.flame;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flat view of folded stacks, as async-profiler's {@code flat} and pprof's {@code top} print it: per method, the
 * samples where it was the leaf (self) and those where it was anywhere on the stack (total; a recursive method
 * counts once per sample). Allocation stacks end in the allocated type ({@code byte[]_[i]}): that frame is not a
 * method, so its samples count as the allocating method's self samples. Thread frames ({@code --threads}) are not
 * methods either and are left out (see {@link FoldedStacks#threads()}).
 */
public record FlatProfile(long samples, List<Row> rows) {

    /** One method: samples with it on top of the stack, and with it anywhere on the stack. */
    public record Row(String method, long selfSamples, long totalSamples) {}

    public FlatProfile {
        rows = List.copyOf(rows);
    }

    /** @param allocation the stacks are allocation samples (their leaf is the allocated type) */
    public static FlatProfile of(FoldedStacks folded, boolean allocation) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        long samples = 0;
        for (FoldedStacks.Stack stack : folded.stacks()) {
            List<String> frames = allocation ? methodsOnly(stack.frames()) : stack.frames();
            // a --threads profile's root frame names a thread, not a method: threads get a table of their own
            if (!frames.isEmpty() && FoldedStacks.isThread(frames.get(0))) frames = frames.subList(1, frames.size());
            if (frames.isEmpty()) continue;
            samples += stack.count();
            counts.computeIfAbsent(frames.get(frames.size() - 1), k -> new long[2])[0] += stack.count();
            Set<String> seen = new HashSet<>();
            for (String frame : frames) {
                if (seen.add(frame)) counts.computeIfAbsent(frame, k -> new long[2])[1] += stack.count();
            }
        }
        List<Row> rows = new ArrayList<>();
        counts.forEach((method, c) -> rows.add(new Row(method, c[0], c[1])));
        rows.sort(Comparator.comparingLong(Row::selfSamples)
                .reversed()
                .thenComparing(Comparator.comparingLong(Row::totalSamples).reversed())
                .thenComparing(Row::method));
        return new FlatProfile(samples, rows);
    }

    /**
     * The stack without its trailing allocated-type frame: async-profiler marks those {@code _[i]} (in a new TLAB)
     * and {@code _[k]} (outside TLABs); in cpu stacks {@code _[k]} means a kernel frame, hence the flag.
     */
    private static List<String> methodsOnly(List<String> frames) {
        int end = frames.size();
        while (end > 0
                && (frames.get(end - 1).endsWith("_[i]") || frames.get(end - 1).endsWith("_[k]"))) end--;
        return frames.subList(0, end);
    }

    /** The first {@code n} rows, highest self first. */
    public List<Row> top(int n) {
        return rows.subList(0, Math.min(n, rows.size()));
    }

    /** The row of a method, or {@code null}. */
    public Row row(String method) {
        return rows.stream().filter(r -> r.method().equals(method)).findFirst().orElse(null);
    }
}
