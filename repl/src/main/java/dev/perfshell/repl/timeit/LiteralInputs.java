package dev.perfshell.repl.timeit;

import com.sun.source.tree.CaseTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The differential control behind {@code %timeit}'s "folded" finding (docs/findings.md): the
 * snippet again, with every numeric and string literal read from a field instead. A field read in
 * the loop cannot be folded into a constant (the loop's volatile flag forces it to be loaded each
 * turn), so when the control is much slower than the snippet, the snippet's work was folded away by
 * the compiler.
 */
public final class LiteralInputs {
    private static final String PREFIX = "class PerfshellLiterals { void m() {\n";
    private static final String SUFFIX = "\n} }";
    private static final Map<Tree.Kind, String> TYPES = Map.of(
            Tree.Kind.INT_LITERAL,
            "int",
            Tree.Kind.LONG_LITERAL,
            "long",
            Tree.Kind.FLOAT_LITERAL,
            "float",
            Tree.Kind.DOUBLE_LITERAL,
            "double",
            Tree.Kind.STRING_LITERAL,
            "String",
            Tree.Kind.CHAR_LITERAL,
            "char");

    /** The rewritten code and the fields it reads. */
    public record Rewrite(String code, List<String> fieldDeclarations) {
        public boolean changed() {
            return !fieldDeclarations.isEmpty();
        }
    }

    private LiteralInputs() {}

    /** @param statement whether the code is statements rather than one expression */
    public static Rewrite of(String code, boolean statement) {
        String body = statement ? code : "Object perfshell$v = " + code + ";";
        String source = PREFIX + body + SUFFIX;
        int shift = PREFIX.length() + (statement ? 0 : "Object perfshell$v = ".length());
        boolean[] broken = new boolean[1];
        JavacTask task = ParseOnlyJavac.task(
                "PerfshellLiterals", source, d -> broken[0] |= d.getKind() == javax.tools.Diagnostic.Kind.ERROR);
        try {
            CompilationUnitTree unit = task.parse().iterator().next();
            if (broken[0]) return new Rewrite(code, List.of());
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            List<long[]> spans = new ArrayList<>();
            List<String> types = new ArrayList<>();
            new TreePathScanner<Void, Void>() {
                @Override
                public Void visitCase(CaseTree node, Void unused) {
                    return scan(node.getStatements(), null); // case labels must stay constants
                }

                @Override
                public Void visitLiteral(LiteralTree node, Void unused) {
                    String type = TYPES.get(node.getKind());
                    if (type != null) {
                        spans.add(
                                new long[] {positions.getStartPosition(unit, node), positions.getEndPosition(unit, node)
                                });
                        types.add(type);
                    }
                    return null;
                }
            }.scan(unit, null);
            List<String> fields = new ArrayList<>();
            StringBuilder rewritten = new StringBuilder(code);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < spans.size(); i++) order.add(i);
            order.sort(Comparator.comparingLong((Integer i) -> spans.get(i)[0]).reversed()); // replace from the end
            for (int i : order) {
                int start = (int) spans.get(i)[0] - shift;
                int end = (int) spans.get(i)[1] - shift;
                if (start < 0 || end > code.length() || start >= end) return new Rewrite(code, List.of());
                String name = "perfshell$in" + i;
                fields.add(types.get(i) + " " + name + " = " + code.substring(start, end) + ";");
                rewritten.replace(start, end, name);
            }
            return new Rewrite(rewritten.toString(), fields);
        } catch (IOException | RuntimeException e) {
            return new Rewrite(code, List.of());
        }
    }
}
