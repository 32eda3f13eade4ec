package dev.perfshell.repl.results;

/**
 * Where a result's input came from.
 *
 * @param script the script file relative to the folder of the script being run (its own name for the
 *               script itself), {@code "<stdin>"} for piped input, or {@code null} when typed interactively
 * @param line   the input's first line in that script, or its history number when typed interactively
 */
public record ResultOrigin(String script, int line) {
    /** Where a result came from when no input is running (tests, programmatic use). */
    public static final ResultOrigin UNKNOWN = new ResultOrigin(null, 0);

    /** {@code bench.jsh:12}, or {@code input 7} for an interactive input. */
    public String describe() {
        return script == null ? "input " + line : script + ":" + line;
    }
}
