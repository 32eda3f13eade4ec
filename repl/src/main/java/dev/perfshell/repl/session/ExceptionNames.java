package dev.perfshell.repl.session;

import jdk.jshell.EvalException;
import jdk.jshell.UnresolvedReferenceException;

/** The user's exception class name, whether JShell wrapped it or not. */
public final class ExceptionNames {
    private ExceptionNames() {}

    public static String of(Throwable thrown) {
        if (thrown instanceof EvalException) return ((EvalException) thrown).getExceptionClassName();
        if (thrown instanceof UnresolvedReferenceException) return "unresolved reference";
        return thrown.getClass().getName();
    }
}
