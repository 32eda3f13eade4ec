package dev.perfshell.repl.link;

import jdk.jshell.spi.ExecutionControl;

/**
 * How Ctrl-C reaches the engine at once, even while a command runs: its flag that refuses user code for the rest
 * of the input, and the stop of the user code that runs. Over a control connection ({@link ChannelStop}), or over
 * JDI ({@link JdiStop}) for engine JDKs without {@code Thread.stop} (20+). (A new input clears the flag with a
 * command, in order with the commands that follow.)
 */
interface EngineStop {
    /** Sets the engine's interrupted flag, at once: also while a command is still on the wire. */
    void interrupt();

    /** Stops the user code that runs in the engine now (the caller knows a command runs user code). */
    void stopUserCode() throws ExecutionControl.EngineTerminationException, ExecutionControl.InternalException;

    /** The engine has ended or is being closed: releases the connection. */
    void dispose();
}
