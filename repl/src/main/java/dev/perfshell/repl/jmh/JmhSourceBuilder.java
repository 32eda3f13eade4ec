package dev.perfshell.repl.jmh;

import dev.perfshell.repl.session.Startup;
import dev.perfshell.repl.timeit.JavaStatements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the session and a snippet as one JMH benchmark:
 * <ul>
 *   <li>a top-level class holds the session: imports at file level, types as static nested types,
 *       methods as static methods, variables as static fields (so session classes and methods read
 *       them as they do in JShell);</li>
 *   <li>its state is rebuilt in order — the statements that built it included — by a
 *       {@code @Setup(Level.Trial)} method, after JMH has injected {@code @Param} values;</li>
 *   <li>the benchmark is a static nested {@code @State} class inside it, so every session name is in
 *       scope; {@code Scope.Benchmark} with several threads, or each thread would rebuild the
 *       shared statics at once;</li>
 *   <li>JMH's annotations are fully qualified: a session class named {@code State} or {@code Mode}
 *       does not clash;</li>
 *   <li>an expression's value is returned with its own type, never boxed to {@code Object}.</li>
 * </ul>
 */
public final class JmhSourceBuilder {
    private static final String JMH = "org.openjdk.jmh.annotations.";
    private static final String BLACKHOLE = "org.openjdk.jmh.infra.Blackhole";

    /** Leading modifiers and annotations of a declaration. */
    private static final Pattern MODIFIERS = Pattern.compile(
            "^(\\s*(?:@[\\w.]+(?:\\([^)]*\\))?\\s*|(?:public|protected|private|static|final|abstract|sealed|non-sealed|strictfp"
                    + "|synchronized|native|default)\\s+)*)");

    private final UnaryOperator<String> expressionType;

    /**
     * @param expressionType the type of an expression in the live session (JShell's
     *                       {@code analyzeType}), {@code void}, or {@code null}/blank when unknown
     */
    public JmhSourceBuilder(UnaryOperator<String> expressionType) {
        this.expressionType = expressionType;
    }

    /** The benchmark code could not be written (a setup variable whose type is unknown). */
    public static final class BuildException extends Exception {
        public BuildException(String message) {
            super(message);
        }
    }

    /**
     * @param params      {@code -p} parameters: name to values, in order; each is a field the code can read
     * @param asStatement generate the code as statements even if it looks like an expression (a
     *                    retry after the compiler found the expression void)
     */
    public JmhSource build(
            String packageName,
            List<SessionPart> session,
            String code,
            String setup,
            Map<String, List<String>> params,
            int threads,
            boolean asStatement)
            throws BuildException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (SessionPart part : session) {
            if (part.kind() == SessionPart.Kind.VARIABLE) variables.put(part.name(), part.type());
        }
        Map<String, String> paramTypes = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String type = variables.containsKey(param.getKey())
                    ? variables.get(param.getKey())
                    : ParamTypes.infer(param.getValue());
            if (!ParamTypes.supported(type)) {
                throw new BuildException("-p " + param.getKey() + ": the session's variable is a " + type
                        + "; JMH parameters are primitives, String or enums");
            }
            paramTypes.put(param.getKey(), type);
        }
        List<JavaStatements.Statement> setupStatements =
                setup == null || setup.isBlank() ? List.of() : JavaStatements.parse(setup);

        StringBuilder out = new StringBuilder();
        out.append("package ").append(packageName).append(";\n\n");
        Startup.DEFAULT_IMPORTS.forEach(line -> out.append(line).append('\n'));
        for (SessionPart part : session)
            if (part.kind() == SessionPart.Kind.IMPORT)
                out.append(part.source()).append('\n');
        out.append("\n/** The session, as perfshell replayed it for %jmh. */\n");
        out.append("public final class ").append(JmhSource.SESSION_CLASS).append(" {\n");
        out.append("    private ").append(JmhSource.SESSION_CLASS).append("() {}\n\n");
        for (SessionPart part : session) {
            switch (part.kind()) {
                case TYPE -> out.append(member(part.source(), true)).append("\n\n");
                case METHOD -> out.append(member(part.source(), false)).append("\n\n");
                default -> {}
            }
        }
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            out.append("    static ")
                    .append(variable.getValue())
                    .append(' ')
                    .append(variable.getKey())
                    .append(";\n");
        }
        for (Map.Entry<String, String> param : paramTypes.entrySet()) {
            if (!variables.containsKey(param.getKey()))
                out.append("    static ")
                        .append(param.getValue())
                        .append(' ')
                        .append(param.getKey())
                        .append(";\n");
        }
        for (JavaStatements.Statement statement : setupStatements) {
            if (statement.declaresLocal())
                out.append("    static ")
                        .append(setupFieldType(statement))
                        .append(' ')
                        .append(statement.name())
                        .append(";\n");
        }

        out.append("\n    /** The session's state, rebuilt in the order it was built. */\n");
        out.append("    static void perfshell$replay() throws Throwable {\n");
        for (SessionPart part : session) {
            if (part.kind() == SessionPart.Kind.STATEMENT) {
                out.append("        {\n").append(indent(part.source(), 12)).append("\n        }\n");
            } else if (part.kind() == SessionPart.Kind.VARIABLE
                    && part.source() != null
                    && !paramTypes.containsKey(part.name())) {
                out.append("        ")
                        .append(part.name())
                        .append(" = ")
                        .append(part.source())
                        .append(";\n");
            }
        }
        for (JavaStatements.Statement statement : setupStatements)
            out.append("        ")
                    .append(JavaStatements.asFieldAssignment(statement))
                    .append('\n');
        out.append("    }\n\n");

        String scope = threads > 1 ? "Benchmark" : "Thread";
        out.append("    @")
                .append(JMH)
                .append("State(")
                .append(JMH)
                .append("Scope.")
                .append(scope)
                .append(")\n");
        out.append("    public static class ").append(JmhSource.BENCHMARK_CLASS).append(" {\n");
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            out.append("        @").append(JMH).append("Param({");
            out.append(String.join(
                    ", ",
                    param.getValue().stream().map(JmhSourceBuilder::javaString).toList()));
            out.append("})\n        public ")
                    .append(paramTypes.get(param.getKey()))
                    .append(' ')
                    .append(param.getKey())
                    .append(";\n");
        }
        out.append("\n        @").append(JMH).append("Setup(").append(JMH).append("Level.Trial)\n");
        out.append("        public void perfshell$setup() throws Throwable {\n");
        for (String param : params.keySet()) {
            out.append("            ")
                    .append(JmhSource.SESSION_CLASS)
                    .append('.')
                    .append(param)
                    .append(" = this.")
                    .append(param)
                    .append(";\n");
        }
        // The replay is muted, as every replay is: a session's println would land in JMH's progress lines.
        out.append("            java.io.PrintStream perfshell$out = System.out, perfshell$err = System.err;\n");
        out.append("            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));\n");
        out.append("            System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));\n");
        // Code the replay ran trained the JIT's profiles as it did in the session: reset them before JMH warms up
        // (ForkProfiles, the fork's agent), as %timeit does before its warm-up.
        boolean runsCode = !setupStatements.isEmpty()
                || session.stream()
                        .anyMatch(part ->
                                part.kind() == SessionPart.Kind.STATEMENT || part.kind() == SessionPart.Kind.VARIABLE);
        out.append("            try {\n                perfshell$replay();\n");
        out.append("            } finally {\n");
        out.append(
                "                System.setOut(perfshell$out);\n                System.setErr(perfshell$err);\n            }\n");
        if (runsCode) {
            // After the streams are back: a reset that could not run says so in JMH's output.
            out.append(
                    "            String perfshell$reset = dev.perfshell.timing.runtime.ForkProfiles.resetAfterReplay();\n");
            out.append(
                    "            if (perfshell$reset.startsWith(\"not\")) System.err.println(\"perfshell: JIT profiles \" + perfshell$reset);\n");
        }
        out.append("        }\n\n");

        String trimmed = code.strip();
        String asExpression = JavaStatements.withoutFinalSemicolon(trimmed);
        boolean expression = !asStatement && isExpression(asExpression);
        out.append("        @").append(JMH).append("Benchmark\n");
        int codeOffset;
        String placed;
        if (expression) {
            String type = DenotableTypes.project(expressionType.apply(asExpression));
            if (type != null && !"void".equals(type)) {
                out.append("        public ")
                        .append(type)
                        .append(' ')
                        .append(JmhSource.METHOD)
                        .append("() throws Throwable {\n            return\n");
                codeOffset = out.length();
                out.append(asExpression).append("\n            ;\n        }\n");
            } else {
                // The type is unknown here (the code reads a parameter or setup field): the Blackhole
                // picks its overload by the expression's own type, so nothing is boxed either.
                out.append("        public void ")
                        .append(JmhSource.METHOD)
                        .append('(')
                        .append(BLACKHOLE)
                        .append(" perfshell$bh) throws Throwable {\n");
                out.append("            perfshell$bh.consume(\n");
                codeOffset = out.length();
                out.append(asExpression).append("\n            );\n        }\n");
            }
            placed = asExpression;
        } else {
            placed = JavaStatements.asBody(trimmed);
            out.append("        public void ")
                    .append(JmhSource.METHOD)
                    .append('(')
                    .append(BLACKHOLE)
                    .append(" perfshell$bh) throws Throwable {\n");
            codeOffset = out.length();
            out.append(placed).append('\n');
            // A block's locals are its results: unconsumed, the JIT may drop the work that made them.
            for (JavaStatements.Statement statement : JavaStatements.parse(placed)) {
                if (statement.declaresLocal())
                    out.append("            perfshell$bh.consume(")
                            .append(statement.name())
                            .append(");\n");
            }
            out.append("        }\n");
        }
        out.append("    }\n}\n");
        return new JmhSource(packageName, out.toString(), codeOffset, placed, expression, runsCode);
    }

    /**
     * A session type or method as a static member. Types are public too, since JMH's generated code
     * in another package may name a benchmark's return type.
     */
    static String member(String source, boolean type) {
        String trimmed = source.strip();
        Matcher modifiers = MODIFIERS.matcher(trimmed);
        String existing = modifiers.find() ? modifiers.group(1) : "";
        StringBuilder added = new StringBuilder();
        if (type && !existing.matches("(?s).*\\b(public|protected|private)\\s.*")) added.append("public ");
        if (!existing.matches("(?s).*\\bstatic\\s.*")) added.append("static ");
        return indent(added + trimmed, 4);
    }

    private boolean isExpression(String code) {
        return JavaStatements.isOneExpression(code) && !"void".equals(expressionType.apply(code));
    }

    private String setupFieldType(JavaStatements.Statement declaration) throws BuildException {
        if (!declaration.inferred()) return declaration.type();
        String type = declaration.initializer() == null
                ? null
                : DenotableTypes.project(expressionType.apply(declaration.initializer()));
        if (type == null || type.isBlank() || "void".equals(type)) {
            throw new BuildException("setup variable '" + declaration.name()
                    + "' needs an explicit type (var cannot be resolved here): e.g. " + "int[] " + declaration.name()
                    + " = ...");
        }
        return type;
    }

    private static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        return text.lines()
                .map(line -> line.isBlank() ? "" : pad + line)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    private static String javaString(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
