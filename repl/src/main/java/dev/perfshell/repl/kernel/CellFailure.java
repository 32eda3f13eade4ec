package dev.perfshell.repl.kernel;

import java.util.List;

/**
 * A cell input that failed, as the notebook shows it: Jupyter names an error by its exception class ({@code ename}),
 * so each kind of failure is a class of its own; the message is the first line perfshell printed ({@code evalue}),
 * and every line it printed is the traceback (javac's carets, the snippet's stack frames).
 */
public class CellFailure extends RuntimeException {
    private final List<String> lines;

    CellFailure(List<String> lines) {
        super(lines.isEmpty() ? "the input failed" : lines.get(0), null, false, false);
        this.lines = List.copyOf(lines);
    }

    public List<String> lines() {
        return lines;
    }

    /** The failure of one input, named by what its first line says. */
    static CellFailure of(List<String> lines) {
        String first = lines.isEmpty() ? "" : lines.get(0);
        if (first.startsWith("Exception ") || first.startsWith("Error ")) return new JavaException(lines);
        if (first.startsWith("error:") || first.startsWith("|  Error")) return new CompileError(lines);
        if (first.startsWith("The engine ")) return new EngineDied(lines);
        return new UsageError(lines);
    }

    /** javac refused the snippet. */
    public static final class CompileError extends CellFailure {
        CompileError(List<String> lines) {
            super(lines);
        }
    }

    /** The snippet threw (the message names the Java exception). */
    public static final class JavaException extends CellFailure {
        JavaException(List<String> lines) {
            super(lines);
        }
    }

    /** A magic or command refused its input (IPython's name for the same). */
    public static final class UsageError extends CellFailure {
        UsageError(List<String> lines) {
            super(lines);
        }
    }

    /** The engine JVM ended (System.exit, out of memory, killed); a new one has the session replayed. */
    public static final class EngineDied extends CellFailure {
        EngineDied(List<String> lines) {
            super(lines);
        }
    }
}
