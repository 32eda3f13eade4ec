package dev.perfshell.repl.timeit;

import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Generates the class that {@code %timeit} times, in JMH's stub shape (docs/magics/timeit.md, 'What is timed'):
 * <ul>
 *   <li>the payload in a method of its own, force-inlined into the loop by the engine's
 *       CompileCommands, and the loop a {@code do/while} on a volatile flag, never counted;</li>
 *   <li>an expression's value goes to the Blackhole with its own type (no boxing); a statement
 *       or block has every top-level local it declares consumed, or it would be dead code;</li>
 *   <li>setup values are <em>fields</em> assigned in {@code perfshell$setup()}: a setup local
 *       would be hoisted out of the loop (0.154 ns instead of 2.4).</li>
 * </ul>
 */
public final class TimedSourceBuilder {
    private static final String BLACKHOLE = "org.openjdk.jmh.infra.Blackhole";

    private final SourceCodeAnalysis analysis;

    public TimedSourceBuilder(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    /** A setup declaration whose type cannot be named (e.g. {@code var} of an earlier setup variable). */
    public static final class SetupTypeException extends Exception {
        public SetupTypeException(String message) {
            super(message);
        }
    }

    /**
     * @param asStatement generate the code as statements even if it is an expression (after a
     *                    first attempt failed because the expression turned out to be void)
     */
    public TimedSource build(String className, String code, String setup, boolean asStatement)
            throws SetupTypeException {
        return build(className, code, setup, asStatement, List.of());
    }

    /**
     * @param extraFields field declarations added to the class (the differential control's
     *                    literal inputs, see {@link LiteralInputs})
     */
    public TimedSource build(String className, String code, String setup, boolean asStatement, List<String> extraFields)
            throws SetupTypeException {
        String trimmed = code.strip();
        String asExpression = JavaStatements.withoutFinalSemicolon(trimmed);
        boolean expression = !asStatement && isValueExpression(asExpression);
        String timed = expression ? asExpression : JavaStatements.asBody(trimmed);
        StringBuilder out = new StringBuilder();
        out.append("class ").append(className).append(" implements dev.perfshell.timing.runtime.Timed {\n");
        List<JavaStatements.Statement> setupStatements =
                setup == null || setup.isBlank() ? List.of() : JavaStatements.parse(setup);
        for (JavaStatements.Statement statement : setupStatements) {
            if (statement.declaresLocal())
                out.append("    ")
                        .append(fieldType(statement))
                        .append(' ')
                        .append(statement.name())
                        .append(";\n");
        }
        for (String field : extraFields) out.append("    ").append(field).append('\n');
        out.append("    public void perfshell$setup() throws Throwable {\n");
        int setupOffset = out.length();
        String setupText =
                setupStatements.stream().map(JavaStatements::asFieldAssignment).collect(Collectors.joining("\n"));
        out.append(setupText).append("\n    }\n");

        out.append("    public long perfshell$loop(")
                .append(BLACKHOLE)
                .append(" bh, dev.perfshell.timing.runtime.LoopControl control) throws Throwable {\n")
                .append("        long ops = 0;\n")
                .append(
                        "        do {\n            perfshell$payload(bh);\n            ops++;\n        } while (!control.isDone);\n")
                .append("        return ops;\n    }\n");
        out.append("    public long perfshell$loopCounted(")
                .append(BLACKHOLE)
                .append(" bh, dev.perfshell.timing.runtime.LoopControl control, long n) throws Throwable {\n")
                .append("        long ops = 0;\n")
                .append(
                        "        do {\n            perfshell$payload(bh);\n            ops++;\n        } while (ops < n && !control.isDone);\n")
                .append("        return ops;\n    }\n");
        // The payload is force-inlined into the loop, so consuming here is JMH's
        // bh.consume(payload()) after inlining; javac picks consume's overload by the
        // expression's own type, so a primitive is never boxed.
        out.append("    private void perfshell$payload(").append(BLACKHOLE).append(" bh) throws Throwable {\n");
        int codeOffset;
        if (expression) {
            out.append("        bh.consume(\n");
            codeOffset = out.length();
            out.append(timed).append("\n        );\n");
        } else {
            codeOffset = out.length();
            out.append(timed).append('\n');
            for (JavaStatements.Statement statement : JavaStatements.parse(timed)) {
                if (statement.declaresLocal())
                    out.append("        bh.consume(").append(statement.name()).append(");\n");
            }
        }
        out.append("    }\n}\n");
        return new TimedSource(
                className,
                out.toString(),
                new TimedSource.Region(codeOffset, timed),
                new TimedSource.Region(setupOffset, setupText),
                expression);
    }

    /**
     * One expression statement that is not known to be void: its value is what the user times.
     * Its type may be unknown here (it may use setup fields); a void expression is caught by the
     * compiler and retried as a statement.
     */
    private boolean isValueExpression(String code) {
        return JavaStatements.isOneExpression(code) && !"void".equals(analysis.analyzeType(code, code.length()));
    }

    private String fieldType(JavaStatements.Statement declaration) throws SetupTypeException {
        if (!declaration.inferred()) return declaration.type();
        String type = declaration.initializer() == null
                ? null
                : analysis.analyzeType(
                        declaration.initializer(), declaration.initializer().length());
        if (type == null || type.isBlank() || type.contains("capture#") || type.contains("<anonymous")) {
            throw new SetupTypeException("setup variable '" + declaration.name()
                    + "' needs an explicit type (var cannot be resolved here): e.g. " + "int[] " + declaration.name()
                    + " = ...");
        }
        return type;
    }
}
