package dev.perfshell.repl.script;

import java.nio.file.Path;

/** What {@code %run} and {@code %load} need from the shell: to run a script, or inputs as if typed. */
public interface ScriptHost {
    /** Runs a script in this session; its inputs stay out of the history. @return whether every input succeeded */
    boolean runFile(Path file, boolean keepGoing);

    /**
     * Runs {@code typeInputs} (which types {@code file}'s inputs) with the file counted as open, so a
     * {@code %load} or {@code %run} of the same file inside it is refused rather than nesting forever.
     * @return false, after saying why, when the file is already running or loading; else what {@code typeInputs} returned
     */
    boolean load(Path file, java.util.function.BooleanSupplier typeInputs);

    /** Shows {@code input} after a prompt and runs it as if typed (it enters the history). @return whether it succeeded */
    boolean typed(String input);

    /** Splits script text into inputs as a script run would. */
    InputCompleteness completeness();
}
