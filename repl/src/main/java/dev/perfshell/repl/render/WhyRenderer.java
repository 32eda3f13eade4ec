package dev.perfshell.repl.render;

import dev.perfshell.profiling.jit.InliningTree;
import dev.perfshell.repl.why.JitNames;
import dev.perfshell.repl.why.WhyFinding;
import dev.perfshell.repl.why.WhyReport;
import java.util.ArrayList;
import java.util.List;

/**
 * %why's report under the timing line: the summary of how the snippet was compiled, one line per finding, and with
 * -v the inlining trees of the C2 code that ran, as {@code -XX:+PrintInlining} prints them but for the snippet only.
 */
public final class WhyRenderer {
    private WhyRenderer() {}

    public static List<String> report(WhyReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("JIT: " + report.summary());
        if (report.findings().isEmpty())
            lines.add("  Nothing slowed it: every hot call C2 saw was inlined, nothing deoptimised.");
        for (WhyFinding finding : report.findings()) lines.add("  " + finding.kind() + ": " + finding.line());
        return lines;
    }

    /** Each tree: the compiled method, then each call site indented under its caller, with the compiler's reason. */
    public static List<String> trees(WhyReport report, JitNames names) {
        List<String> lines = new ArrayList<>();
        for (InliningTree tree : report.trees()) {
            lines.add("Inlining tree of " + names.method(tree.method()) + " (C2):");
            tree.children().forEach(child -> node(child, 1, report, names, lines));
        }
        return lines;
    }

    private static void node(InliningTree node, int depth, WhyReport report, JitNames names, List<String> lines) {
        Integer size = report.sizes().get(node.method().key());
        lines.add("  ".repeat(depth) + "@ " + node.bci() + "  " + names.method(node.method())
                + (size == null ? "" : "  (" + size + " bytes)") + "  " + (node.inlined() ? "" : "NOT ")
                + node.message());
        node.children().forEach(child -> node(child, depth + 1, report, names, lines));
    }
}
