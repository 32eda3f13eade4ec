package dev.perfshell.repl.timeit;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The top-level statements of a block of Java, parsed (not compiled) with javac's tree API:
 * which ones declare locals, their names, declared types and initialisers, as source text.
 * {@code %timeit} needs this to consume every local a timed block declares (a block whose
 * result is dropped is dead code) and to turn setup declarations into fields.
 */
public final class JavaStatements {
    private static final String PREFIX = "class PerfshellParse { void m() {\n";
    private static final String SUFFIX = "\n} }";

    /** One top-level statement: its source, and for a local declaration its parts. */
    public record Statement(String source, String name, String type, String initializer, boolean expression) {
        public boolean declaresLocal() {
            return name != null;
        }

        /** Declared with {@code var}: the type must come from the initialiser. */
        public boolean inferred() {
            return "var".equals(type);
        }
    }

    private JavaStatements() {}

    /** Whether the code is exactly one braced block ({@code { ... }}), whose locals are out of scope after it. */
    public static boolean isSingleBlock(String code) {
        String source = PREFIX + code + SUFFIX;
        boolean[] broken = new boolean[1];
        JavacTask task = task(source, diagnostic -> broken[0] |= diagnostic.getKind() == javax.tools.Diagnostic.Kind.ERROR);
        try {
            CompilationUnitTree unit = task.parse().iterator().next();
            if (broken[0]) return false; // javac's recovery may close an unclosed block: not a block the user wrote
            MethodTree method = (MethodTree) ((ClassTree) unit.getTypeDecls().get(0)).getMembers().get(0);
            List<? extends StatementTree> statements = method.getBody().getStatements();
            return statements.size() == 1 && statements.get(0) instanceof BlockTree;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static JavacTask task(String source) {
        return task(source, diagnostic -> { });
    }

    private static JavacTask task(String source, javax.tools.DiagnosticListener<javax.tools.JavaFileObject> listener) {
        return ParseOnlyJavac.task("PerfshellParse", source, listener);
    }

    /**
     * A setup statement with its declaration turned into an assignment to a field of the same name
     * ({@code int[] a = {1, 2};} becomes {@code a = new int[] {1, 2};}); other statements unchanged.
     */
    public static String asFieldAssignment(Statement statement) {
        if (!statement.declaresLocal()) return statement.source();
        if (statement.initializer() == null) return "";
        String init = statement.initializer();
        if (init.startsWith("{")) init = "new " + statement.type() + " " + init; // an array initialiser is legal only in a declaration
        return statement.name() + " = " + init + ";";
    }

    /**
     * Statements as a method body: the inside of one braced block (so its locals can be consumed
     * after it), with the final semicolon a single statement may lack.
     */
    public static String asBody(String code) {
        String body = isSingleBlock(code) ? code.substring(1, code.length() - 1).strip() : code;
        if (!body.isEmpty() && !body.endsWith(";") && !body.endsWith("}")) body = body + ";";
        return body;
    }

    /** The statements of {@code code}; a code that is one braced block is opened up first. */
    public static List<Statement> parse(String code) {
        String source = PREFIX + code + SUFFIX;
        JavacTask task = task(source);
        try {
            CompilationUnitTree unit = task.parse().iterator().next();
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            MethodTree method = (MethodTree) ((ClassTree) unit.getTypeDecls().get(0)).getMembers().get(0);
            List<? extends StatementTree> statements = method.getBody().getStatements();
            if (statements.size() == 1 && statements.get(0) instanceof BlockTree) {
                statements = ((BlockTree) statements.get(0)).getStatements();
            }
            List<Statement> out = new ArrayList<>();
            for (StatementTree statement : statements) {
                String text = text(source, positions, unit, statement);
                if (statement instanceof VariableTree) {
                    VariableTree variable = (VariableTree) statement;
                    String type = variable.getType() == null ? "var" : text(source, positions, unit, variable.getType());
                    if (type.isEmpty()) type = "var"; // javac records 'var' as an implicit type
                    String init = variable.getInitializer() == null ? null : text(source, positions, unit, variable.getInitializer());
                    out.add(new Statement(text, variable.getName().toString(), type, init, false));
                } else {
                    out.add(new Statement(text, null, null, null, statement instanceof com.sun.source.tree.ExpressionStatementTree));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String source, SourcePositions positions, CompilationUnitTree unit, com.sun.source.tree.Tree tree) {
        long start = positions.getStartPosition(unit, tree);
        long end = positions.getEndPosition(unit, tree);
        if (start < 0 || end < start) return "";
        return source.substring((int) start, (int) end);
    }
}
