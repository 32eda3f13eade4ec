package dev.perfshell.repl.render;

import dev.perfshell.profiling.jit.InliningTree;
import dev.perfshell.repl.why.JitNames;
import dev.perfshell.repl.why.WhyFinding;
import dev.perfshell.repl.why.WhyReport;
import dev.perfshell.timing.runtime.WhyResult;
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

    /**
     * Java source that rebuilds the engine-side {@code WhyResult}, for {@code -o}.
     *
     * @param timing the source of the timing's {@code TimeitResult} ({@link TimeitRenderer#constructor})
     */
    public static String constructor(String timing, WhyReport report) {
        StringBuilder kinds = new StringBuilder();
        StringBuilder lines = new StringBuilder();
        for (WhyFinding f : report.findings()) {
            if (kinds.length() > 0) {
                kinds.append(", ");
                lines.append(", ");
            }
            kinds.append(stringLiteral(f.kind()));
            lines.append(stringLiteral(f.line()));
        }
        return "new " + WhyResult.class.getName() + "(" + timing + ", new String[] {" + kinds + "}, new String[] {"
                + lines + "})";
    }

    /** A Java string literal of {@code text}. */
    static String stringLiteral(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('"').toString();
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
