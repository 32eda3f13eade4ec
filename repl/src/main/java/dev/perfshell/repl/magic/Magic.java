package dev.perfshell.repl.magic;

/**
 * One magic: a picocli {@code @Command} whose options picocli fills before {@link #run} is called.
 * A fresh instance serves each invocation, so option fields never leak between runs.
 */
public interface Magic {
    /**
     * Runs the magic.
     *
     * @return {@code true} when it succeeded; a failure has already been printed as one line
     */
    boolean run(MagicContext context, MagicInput input) throws Exception;

    /** Whether {@code %%name} with body lines is meaningful for this magic. */
    default boolean acceptsCell() {
        return false;
    }

    /** Whether a cell's first line, after the options, is setup code (run untimed) rather than nothing. */
    default boolean cellHasSetupLine() {
        return false;
    }

    /** Whether the code after the options, and a cell's body, is Java: Tab completes it as Java there. */
    default boolean takesJava() {
        return false;
    }

    /**
     * The options of this magic's spec that it inherits and does not take (a magic that is another with one option
     * set, as %why is %timeit --why), removed before parsing and help: none by default.
     */
    default java.util.List<String> optionsNotTaken() {
        return java.util.List.of();
    }
}
