package dev.perfshell.profiling.probe;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives %prun's rows their times from sampled stacks: a row's self samples are those whose innermost row is it,
 * its total samples those where it is anywhere on the stack (once per sample, so recursion is counted once, as
 * cProfile's cumtime counts primitive calls). The counts stay the probes'; only times come from here.
 *
 * <p>A stack's rows, root first: every frame of a profiled method is its row; the first frame after a profiled one
 * that is not profiled (a JDK or library method the profiled code called) is the boundary row of that call when one
 * was counted, so time spent below {@code HashMap.get} is {@code {java.util.HashMap.get}}'s, as in cProfile. JDK code
 * that matches no counted call is its caller's own time.
 *
 * <p>Samples that land in the probes' own code are counted apart and given to nobody: the counting probes cost a
 * few ns a call, which is more than a small method's body, and sampling sees exactly where that time went. Samples
 * with no profiled frame were taken before or after the statement on its thread and are left out, and so are
 * stacks the sampler could not walk back to the statement: the shares are of the samples whose whole chain is known.
 */
public final class SampleAttribution {
    static final String PROBE_PACKAGE = "dev/perfshell/profiling/probe/";

    /**
     * @param selfSamples      per method id: samples whose innermost row it is
     * @param totalSamples     per method id: samples with it on the stack
     * @param edgeSelf         per (caller id << 32 | callee id): samples whose innermost row is the callee, called there by the caller
     * @param edgeTotal        per (caller id << 32 | callee id): samples with that call on the stack
     * @param statementSamples samples of the statement, probes' excluded: what the shares are of
     * @param probeSamples     samples of the statement that landed in the probes' code
     */
    public record Result(
            long[] selfSamples,
            long[] totalSamples,
            Map<Long, Long> edgeSelf,
            Map<Long, Long> edgeTotal,
            long statementSamples,
            long probeSamples) {}

    private final Map<String, List<Integer>> profiled = new HashMap<>();
    private final Map<String, List<Integer>> boundaryBySignature = new HashMap<>();
    private final Map<String, List<Integer>> boundaryByName = new HashMap<>();
    private final Map<Integer, MethodTable.Entry> entries;
    private final int size;
    /** The statement's own row (JShell's {@code do_it$}), or -1. */
    private final int statement;

    /**
     * @param entries the profile's rows by id. The statement's row stands for every {@code do_it$} frame of a snippet
     *                class: with {@code -n} the samples come from another evaluation, whose wrapper class differs.
     */
    public SampleAttribution(Map<Integer, MethodTable.Entry> entries) {
        this.entries = entries;
        int top = -1;
        int statementRow = -1;
        for (Map.Entry<Integer, MethodTable.Entry> item : entries.entrySet()) {
            int id = item.getKey();
            MethodTable.Entry e = item.getValue();
            top = Math.max(top, id);
            if (e.boundary()) {
                boundaryBySignature
                        .computeIfAbsent(e.name() + e.descriptor(), k -> new ArrayList<>())
                        .add(id);
                boundaryByName.computeIfAbsent(e.name(), k -> new ArrayList<>()).add(id);
            } else {
                profiled.computeIfAbsent(e.owner() + "." + e.name(), k -> new ArrayList<>())
                        .add(id);
                if (e.name().equals(STATEMENT) && e.owner().startsWith(SNIPPETS)) statementRow = id;
            }
        }
        this.size = top + 1;
        this.statement = statementRow;
    }

    /** Every method of a profile's table, by id. */
    SampleAttribution(MethodTable methods) {
        this(byId(methods));
    }

    private static Map<Integer, MethodTable.Entry> byId(MethodTable methods) {
        Map<Integer, MethodTable.Entry> entries = new HashMap<>();
        for (int id = 0; id < methods.size(); id++) entries.put(id, methods.get(id));
        return entries;
    }

    static final String STATEMENT = "do_it$";
    static final String SNIPPETS = "REPL/";

    /** @param collapsed async-profiler's collapsed stacks ({@code a;b;c 12} per line, root first) */
    public Result attribute(String collapsed) {
        long[] self = new long[size];
        long[] total = new long[size];
        Map<Long, Long> edgeSelf = new HashMap<>();
        Map<Long, Long> edgeTotal = new HashMap<>();
        long inStatement = 0;
        long probes = 0;
        for (String line : collapsed.split("\n")) {
            Folded folded = Folded.parse(line);
            if (folded == null) continue;
            long count = folded.count();
            Stack stack = rows(folded.frames());
            if (stack.rows.isEmpty()) continue; // the statement's thread before or after the statement
            // A stack the sampler could not walk to its root (async-profiler's [unknown_Java] frames) lacks callers:
            // left out, as the probes' samples are, so every caller's total holds its callees'.
            if (statement >= 0 && !stack.rows.contains(statement)) continue;
            if (stack.inProbe) {
                probes += count;
                continue;
            }
            inStatement += count;
            List<Integer> rows = stack.rows;
            int leaf = rows.get(rows.size() - 1);
            self[leaf] += count;
            Set<Integer> seen = new HashSet<>();
            for (int row : rows) if (seen.add(row)) total[row] += count;
            Set<Long> edges = new HashSet<>();
            for (int k = 1; k < rows.size(); k++) {
                long edge = ((long) rows.get(k - 1) << 32) | rows.get(k);
                if (edges.add(edge)) edgeTotal.merge(edge, count, Long::sum);
            }
            if (rows.size() > 1) edgeSelf.merge(((long) rows.get(rows.size() - 2) << 32) | leaf, count, Long::sum);
        }
        return new Result(self, total, edgeSelf, edgeTotal, inStatement, probes);
    }

    private record Stack(List<Integer> rows, boolean inProbe) {}

    /** One line of folded stacks, {@code a;b;c 12}: its frames root first and its count; {@code null} for any other line. */
    record Folded(String[] frames, long count) {
        static Folded parse(String line) {
            int space = line.lastIndexOf(' ');
            if (space <= 0) return null;
            try {
                return new Folded(
                        line.substring(0, space).split(";"),
                        Long.parseLong(line.substring(space + 1).strip()));
            } catch (NumberFormatException notAStack) {
                return null;
            }
        }
    }

    private Stack rows(String[] frames) {
        List<Integer> rows = new ArrayList<>();
        boolean afterProfiled = false;
        for (String raw : frames) {
            Frame frame = Frame.parse(raw);
            if (frame == null) {
                afterProfiled = false;
                continue;
            }
            if (frame.owner.startsWith(PROBE_PACKAGE)) return new Stack(rows, true);
            int id = profiledId(frame);
            if (id >= 0) {
                rows.add(id);
                afterProfiled = true;
                continue;
            }
            if (afterProfiled) {
                int boundary = boundaryId(frame);
                if (boundary >= 0) rows.add(boundary);
            }
            afterProfiled = false;
        }
        return new Stack(rows, false);
    }

    private int profiledId(Frame frame) {
        if (frame.name.equals(STATEMENT) && frame.owner.startsWith(SNIPPETS) && statement >= 0) return statement;
        List<Integer> ids = profiled.get(frame.owner + "." + frame.name);
        if (ids == null) return -1;
        if (frame.descriptor != null) {
            for (int id : ids) if (entries.get(id).descriptor().equals(frame.descriptor)) return id;
        }
        return ids.get(0); // overloads sampled without a signature: the first (sampling with signatures avoids this)
    }

    /**
     * The counted call this frame is the target of: the call site names the declared owner ({@code java/util/List})
     * while the frame is the implementation ({@code java/util/ArrayList}), so owners decide only between candidates
     * with the same name and descriptor.
     */
    private int boundaryId(Frame frame) {
        List<Integer> candidates = frame.descriptor != null
                ? boundaryBySignature.get(frame.name + frame.descriptor)
                : boundaryByName.get(frame.name);
        if (candidates == null) return -1;
        for (int id : candidates) if (entries.get(id).owner().equals(frame.owner)) return id;
        return candidates.size() == 1 ? candidates.get(0) : -1;
    }

    /**
     * One Java frame: owner with slashes, method name, descriptor or {@code null}, line or -1; {@code null} for native
     * frames.
     */
    record Frame(String owner, String name, String descriptor, int line) {
        private static final java.util.regex.Pattern HIDDEN = java.util.regex.Pattern.compile("\\.0x[0-9a-fA-F]+");
        private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile(":(\\d+)$");

        static Frame parse(String raw) {
            String frame = raw;
            int line = -1;
            java.util.regex.Matcher numbered = LINE.matcher(frame);
            if (numbered.find()) {
                line = Integer.parseInt(numbered.group(1));
                frame = frame.substring(0, numbered.start());
            }
            int mark = frame.lastIndexOf("_[");
            if (mark > 0 && frame.endsWith("]")) frame = frame.substring(0, mark); // async-profiler's _[j], _[i] marks
            String descriptor = null;
            int paren = frame.indexOf('(');
            if (paren > 0) {
                // async-profiler's "sig" writes a descriptor's ';' as '|', since ';' separates frames
                descriptor = frame.substring(paren).replace('|', ';');
                frame = frame.substring(0, paren);
            }
            frame = HIDDEN.matcher(frame).replaceAll("");
            int dot = frame.lastIndexOf('.');
            if (dot <= 0 || dot == frame.length() - 1 || frame.contains("::") || frame.startsWith("[")) return null;
            return new Frame(frame.substring(0, dot).replace('.', '/'), frame.substring(dot + 1), descriptor, line);
        }
    }
}
