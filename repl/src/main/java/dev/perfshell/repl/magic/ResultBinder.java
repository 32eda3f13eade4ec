package dev.perfshell.repl.magic;

import dev.perfshell.repl.io.Console;
import dev.perfshell.repl.session.JavaEvaluator;
import java.util.HashMap;
import java.util.Map;

/**
 * Binds a magic's result into the session as a new variable, announced the way jshell announces
 * {@code $1}: named {@code $t1}, {@code $p2}… with a letter per kind of result (Java reserves
 * {@code _}, IPython's choice), or the name given with {@code -o NAME}. The binding is an ordinary
 * user snippet, so it survives an engine restart like any other variable.
 */
public final class ResultBinder {
    private final Map<Character, Integer> counters = new HashMap<>();

    /**
     * @param kind       the letter of this kind of result ({@code t} for timings)
     * @param requested  the name the user asked for, or {@code null}/empty for the next {@code $kN}
     * @param expression Java that rebuilds the result in the engine
     * @return whether the binding was created
     */
    public boolean bind(char kind, String requested, String expression, JavaEvaluator evaluator, Console console) {
        String name = requested == null || requested.isBlank() ? nextName(kind) : requested.strip();
        if (!name.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*")) {
            console.error("Cannot bind the result to '" + name
                    + "': not a Java identifier. Next: -o NAME with a valid name.");
            return false;
        }
        return !evaluator
                .evaluate("var " + name + " = " + expression + ";", console)
                .failed();
    }

    private String nextName(char kind) {
        int next = counters.merge(kind, 1, Integer::sum);
        return "$" + kind + next;
    }
}
