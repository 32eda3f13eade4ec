package dev.perfshell.repl.session;

/**
 * How many characters a value's echo keeps ({@code a ==> int[1000] { 1, 2, ... , 9 }}), as jshell's feedback mode's
 * truncation: 100 by default, any width with {@code /set truncation N}, {@code 0} for the whole value. One per
 * session.
 */
public final class ValueWidth {
    public static final int DEFAULT = 100;
    /** The narrowest cut that still shows a start, the gap and an end. */
    public static final int MIN = 20;

    private volatile int width = DEFAULT;

    public int get() {
        return width;
    }

    /** @param width {@code 0} for whole values, else at least {@link #MIN} */
    public void set(int width) {
        if (width != 0 && width < MIN)
            throw new IllegalArgumentException(
                    "a value width is 0 (whole values) or at least " + MIN + ", got " + width);
        this.width = width;
    }
}
