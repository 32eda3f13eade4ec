package dev.perfshell.repl.link;

/** An engine extension command failed; the message names the cause in one line. */
public final class EngineException extends Exception {
    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
