package dev.perfshell.repl.compare;

/**
 * Input that {@code perfshell compare} cannot use: a missing or malformed results file, or two files
 * with nothing in common. The message is the whole story in one line (it names the file and the
 * problem), because it is printed as is, without a stack trace.
 */
public final class CompareException extends Exception {
    private static final long serialVersionUID = 1L;

    public CompareException(String message) {
        super(message);
    }
}
