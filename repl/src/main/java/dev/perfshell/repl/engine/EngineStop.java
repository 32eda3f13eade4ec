package dev.perfshell.repl.engine;

import jdk.jshell.spi.ExecutionControl;

/**
 * How Ctrl-C reaches the engine: its flag that refuses user code for the rest of the input, and the stop of the
 * user code that runs. Over the engine's standard input ({@link PipeStop}), or over JDI ({@link JdiStop}) for
 * engine JDKs without {@code Thread.stop} (20+).
 */
interface EngineStop {
    /** Sets or clears the engine's interrupted flag, at once: also while a command is still on the wire. */
    void interrupted(boolean value);

    /** Stops the user code that runs in the engine now (the caller knows a command runs user code). */
    void stopUserCode() throws ExecutionControl.EngineTerminationException, ExecutionControl.InternalException;

    /** The engine has ended or is being closed: releases the connection. */
    void dispose();
}
