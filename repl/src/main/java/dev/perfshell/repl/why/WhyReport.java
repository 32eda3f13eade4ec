package dev.perfshell.repl.why;

import dev.perfshell.profiling.jit.InliningTree;
import dev.perfshell.profiling.jit.JitAnalysis;
import dev.perfshell.profiling.jit.JitEvents;
import dev.perfshell.profiling.jit.JitEvents.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What %why says about a timing: a summary of how the snippet's code was compiled, the findings (most costly first)
 * and, for -v, the inlining trees of the C2 code that ran.
 *
 * @param summary  one line: the tier the snippet's code reached, its size, how much was inlined
 * @param findings the findings, most costly first
 * @param trees    the inlining tree of each of the session's methods whose last code was C2's, the snippet's first
 * @param sizes    bytecode sizes of the callees refused as too big, by method key
 */
public record WhyReport(
        String summary, List<WhyFinding> findings, List<InliningTree> trees, Map<String, Integer> sizes) {

    public WhyReport {
        findings = List.copyOf(findings);
        trees = List.copyOf(trees);
        sizes = Map.copyOf(sizes);
    }

    /**
     * @param events              the compiler's events for the snippet's code during the timing
     * @param allocatedBytesPerOp what the timing thread allocated per operation (NaN: unknown)
     */
    public static WhyReport of(JitEvents events, double allocatedBytesPerOp, JitNames names) {
        JitAnalysis analysis = new JitAnalysis(events);
        WhyText text = new WhyText(names);
        List<WhyFinding> findings = analysis.findings(allocatedBytesPerOp).stream()
                .map(text::of)
                .distinct() // the timing loop and the snippet's own method both read as <snippet>
                .toList();
        Map<Boolean, List<Compilation>> c2 = analysis.measuredCompilations().values().stream()
                .filter(c -> c.level() == 4)
                .collect(java.util.stream.Collectors.partitioningBy(
                        c -> c.method().name().startsWith("perfshell$")));
        // the snippet's code: the timing loop, with the snippet inlined (its own compilation if the loop has none)
        Compilation snippet = c2.get(true).stream()
                .filter(c -> c.method().name().equals("perfshell$loop"))
                .findFirst()
                .orElse(c2.get(true).isEmpty() ? null : c2.get(true).get(0));
        List<InliningTree> trees = new ArrayList<>();
        java.util.Set<JitEvents.MethodRef> shown = new java.util.HashSet<>();
        if (snippet != null) {
            InliningTree tree = InliningTree.of(snippet.method(), analysis.inliningsOf(snippet.compileId()));
            trees.add(tree);
            shown.addAll(tree.methods());
        }
        // the session's methods that ran as their own C2 code, not inlined into the snippet's
        for (Compilation c : c2.get(false)) {
            if (shown.contains(c.method())) continue;
            InliningTree tree = InliningTree.of(c.method(), analysis.inliningsOf(c.compileId()));
            trees.add(tree);
            shown.addAll(tree.methods());
        }
        return new WhyReport(summary(snippet, trees, names), findings, trees, events.bytecodeSizes());
    }

    private static String summary(Compilation snippet, List<InliningTree> trees, JitNames names) {
        if (snippet == null && !trees.isEmpty())
            return "The timing loop itself stayed out of C2 (few, long calls of the snippet); the snippet's methods ran"
                    + " as their own C2 code: "
                    + String.join(
                            ", ",
                            trees.stream().map(t -> names.method(t.method())).toList()) + ".";
        if (snippet == null)
            return "The snippet's code never reached C2 during the timing: the time is C1's code, or the interpreter's.";
        return String.format(
                Locale.ROOT,
                "C2 compiled the snippet's loop%s: %,d bytes of machine code, %d method%s inlined into it.",
                snippet.osr() ? " (on-stack replacement only)" : "",
                snippet.codeSize(),
                trees.get(0).size() - 1,
                trees.get(0).size() == 2 ? "" : "s");
    }
}
