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
        JavacTask task =
                task(source, diagnostic -> broken[0] |= diagnostic.getKind() == javax.tools.Diagnostic.Kind.ERROR);
        try {
            CompilationUnitTree unit = task.parse().iterator().next();
            if (broken[0]) return false; // javac's recovery may close an unclosed block: not a block the user wrote
            MethodTree method = (MethodTree)
                    ((ClassTree) unit.getTypeDecls().get(0)).getMembers().get(0);
            List<? extends StatementTree> statements = method.getBody().getStatements();
            return statements.size() == 1 && statements.get(0) instanceof BlockTree;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static JavacTask task(String source) {
        return task(source, diagnostic -> {});
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
        if (init.startsWith("{"))
            init = "new " + statement.type() + " " + init; // an array initialiser is legal only in a declaration
        return statement.name() + " = " + init + ";";
    }

    /**
     * Statements as a method body: the inside of one braced block (so its locals can be consumed
     * after it), with the final semicolon a statement may lack.
     */
    public static String asBody(String code) {
        String body = isSingleBlock(code) ? code.substring(1, code.length() - 1).strip() : code;
        return withFinalSemicolon(body);
    }

    /**
     * The code with the {@code ;} its last statement lacks, as jshell accepts {@code x = f()} for
     * {@code x = f();}; any other code unchanged. javac itself says where: its "';' expected" sits at
     * the end of the last token, so the {@code ;} goes before a trailing comment (appended after
     * {@code // note} it would be commented out), and never after a block's {@code }}, which needs
     * none. A {@code ;} missing anywhere but at the end is left for the compiler to report.
     */
    public static String withFinalSemicolon(String code) {
        String source = PREFIX + code + SUFFIX;
        List<javax.tools.Diagnostic<? extends javax.tools.JavaFileObject>> errors = new ArrayList<>();
        JavacTask task = task(source, diagnostic -> {
            if (diagnostic.getKind() == javax.tools.Diagnostic.Kind.ERROR) errors.add(diagnostic);
        });
        try {
            CompilationUnitTree unit = task.parse().iterator().next();
            if (errors.size() != 1) return code;
            javax.tools.Diagnostic<? extends javax.tools.JavaFileObject> only = errors.get(0);
            boolean semicolon = "compiler.err.expected".equals(only.getCode())
                    && only.getMessage(java.util.Locale.ROOT).startsWith("';'");
            int at = (int) only.getPosition() - PREFIX.length();
            if (!semicolon || at < 0 || at > code.length()) return code;
            // At the end: no statement starts after it ("int a = 1 int b = 2" has the second one there). A recovered
            // statement's end is where the next token starts, so ends cannot tell.
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            MethodTree method = (MethodTree)
                    ((ClassTree) unit.getTypeDecls().get(0)).getMembers().get(0);
            for (StatementTree statement : method.getBody().getStatements()) {
                if (positions.getStartPosition(unit, statement) - PREFIX.length() >= at) return code;
            }
            return code.substring(0, at) + ";" + code.substring(at);
        } catch (IOException | RuntimeException e) {
            return code;
        }
    }

    /**
     * The code to try as an expression: stripped, and without its one final {@code ;} ({@code f(x);} is the expression
     * {@code f(x)}); code with a {@code ;} elsewhere is statements, and unchanged.
     */
    public static String withoutFinalSemicolon(String code) {
        String trimmed = code.strip();
        return trimmed.endsWith(";") && trimmed.indexOf(';') == trimmed.length() - 1
                ? trimmed.substring(0, trimmed.length() - 1).strip()
                : trimmed;
    }

    /**
     * Whether the code parses as one expression statement, so its value can be what is measured (whether that value
     * is void is the caller's question: only JShell can tell).
     */
    public static boolean isOneExpression(String code) {
        if (code.isBlank() || code.startsWith("{")) return false;
        List<Statement> statements = parse(code + ";");
        return statements.size() == 1 && statements.get(0).expression();
    }

    /**
     * Setup from several places (a cell's first line, {@code --setup}), one after the other, each
     * with its own final {@code ;}: joined first, a {@code ;} missing at the end of the first part
     * would be in the middle, and left for the compiler.
     */
    public static String setup(String... parts) {
        return java.util.Arrays.stream(parts)
                .filter(part -> part != null && !part.isBlank())
                .map(part -> withFinalSemicolon(part.strip()))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /**
     * The statements of {@code code}; a code that is one braced block is opened up first, and a last
     * statement without its {@code ;} gets it ({@link #withFinalSemicolon}).
     */
    public static List<Statement> parse(String code) {
        String source = PREFIX + withFinalSemicolon(code) + SUFFIX;
        JavacTask task = task(source);
        try {
            CompilationUnitTree unit = task.parse().iterator().next();
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            MethodTree method = (MethodTree)
                    ((ClassTree) unit.getTypeDecls().get(0)).getMembers().get(0);
            List<? extends StatementTree> statements = method.getBody().getStatements();
            if (statements.size() == 1 && statements.get(0) instanceof BlockTree) {
                statements = ((BlockTree) statements.get(0)).getStatements();
            }
            List<Statement> out = new ArrayList<>();
            for (StatementTree statement : statements) {
                String text = text(source, positions, unit, statement);
                if (statement instanceof VariableTree) {
                    VariableTree variable = (VariableTree) statement;
                    String type =
                            variable.getType() == null ? "var" : text(source, positions, unit, variable.getType());
                    if (type.isEmpty()) type = "var"; // javac records 'var' as an implicit type
                    String init = variable.getInitializer() == null
                            ? null
                            : text(source, positions, unit, variable.getInitializer());
                    out.add(new Statement(text, variable.getName().toString(), type, init, false));
                } else {
                    out.add(new Statement(
                            text, null, null, null, statement instanceof com.sun.source.tree.ExpressionStatementTree));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The simple names {@code code} reads as variables and declares nowhere itself ({@code f(a.b, c[0])}: a and c;
     * {@code int c = 1; g(c)}: none), a method's own name left out. A parse, not an analysis: a name declared in
     * one place and read in another counts as declared, so the set says only what the code surely needs from
     * outside.
     */
    public static java.util.Set<String> freeNames(String code) {
        java.util.Set<String> read = new java.util.LinkedHashSet<>();
        java.util.Set<String> declared = new java.util.HashSet<>();
        try {
            // Statements, or else an expression that is none ("a + b"), declared with a primitive type: no name of its
            // own.
            boolean[] broken = new boolean[1];
            JavacTask task = task(
                    PREFIX + withFinalSemicolon(code) + SUFFIX,
                    diagnostic -> broken[0] |= diagnostic.getKind() == javax.tools.Diagnostic.Kind.ERROR);
            CompilationUnitTree unit = task.parse().iterator().next();
            if (broken[0]) {
                task = task(PREFIX + "int perfshell$value = " + code + "\n;" + SUFFIX);
                unit = task.parse().iterator().next();
            }
            MethodTree method = (MethodTree)
                    ((ClassTree) unit.getTypeDecls().get(0)).getMembers().get(0);
            new com.sun.source.util.TreeScanner<Void, Void>() {
                @Override
                public Void visitMethodInvocation(com.sun.source.tree.MethodInvocationTree call, Void unused) {
                    // f(x): f is a method; a.f(x): a is read, and the scan of the member select finds it.
                    if (!(call.getMethodSelect() instanceof com.sun.source.tree.IdentifierTree))
                        scan(call.getMethodSelect(), null);
                    scan(call.getTypeArguments(), null);
                    return scan(call.getArguments(), null);
                }

                @Override
                public Void visitVariable(VariableTree variable, Void unused) {
                    declared.add(variable.getName().toString());
                    return super.visitVariable(variable, null);
                }

                @Override
                public Void visitIdentifier(com.sun.source.tree.IdentifierTree identifier, Void unused) {
                    read.add(identifier.getName().toString());
                    return null;
                }
            }.scan(method.getBody(), null);
        } catch (IOException | RuntimeException e) {
            return java.util.Set.of();
        }
        read.removeAll(declared);
        return read;
    }

    private static String text(
            String source, SourcePositions positions, CompilationUnitTree unit, com.sun.source.tree.Tree tree) {
        long start = positions.getStartPosition(unit, tree);
        long end = positions.getEndPosition(unit, tree);
        if (start < 0 || end < start) return "";
        return source.substring((int) start, (int) end);
    }
}
