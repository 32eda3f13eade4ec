package dev.perfshell.repl.timeit;

/**
 * The Java source of one generated {@code Timed} class, and where the user's code and setup sit
 * in it, so compile errors point into what the user typed rather than into generated code.
 *
 * @param className  the simple name of the generated class
 * @param source     the class declaration, evaluated as a hidden JShell snippet
 * @param code       the timed code's place in {@code source}
 * @param setup      the setup code's place in {@code source} (empty text when there is none)
 * @param expression the code is timed as one expression (its value consumed), not as statements
 */
public record TimedSource(String className, String source, Region code, Region setup, boolean expression) {

    /** A piece of user text placed at {@code offset} of the generated source. */
    public record Region(int offset, String text) {
        /** Inside the text, or just after it (javac reports a missing end there, e.g. for {@code x +}). */
        public boolean contains(long position) {
            return position >= offset && position <= offset + text.length() + TRAILER;
        }

        /** A position of the generated source as a position in the user's text. */
        public long local(long position) {
            return Math.min(Math.max(0, position - offset), text.length());
        }
    }

    /** Generated characters after a region that still belong to it (newline, indentation, closing parenthesis). */
    private static final int TRAILER = 12;
}
