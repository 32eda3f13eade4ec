package dev.perfshell.repl.session;

/** The engine JVM could not be started (a bad -R option, a broken --engine-jdk): a usage problem. */
public final class EngineStartException extends IllegalStateException {
    public EngineStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
