package dev.perfshell.repl.jmh;

/**
 * One piece of the session as a JMH benchmark class rebuilds it (docs/magics/jmh.md, 'How the session
 * gets into the benchmark').
 *
 * @param kind        what it becomes in the class
 * @param origin      the snippet it came from ({@code #3}), for error lines
 * @param source      the snippet's source; for a variable, its initialiser (or {@code null} for none)
 * @param name        a variable's name, else {@code null}
 * @param type        a variable's field type (denotable), else {@code null}
 */
public record SessionPart(Kind kind, String origin, String source, String name, String type) {
    public enum Kind {
        /** A file-level import. */
        IMPORT,
        /** A class, interface, enum or record: a static nested type. */
        TYPE,
        /** A method: a static method. */
        METHOD,
        /** A variable: a static field, assigned in order by the trial set-up. */
        VARIABLE,
        /** A statement or expression that built state: run in order by the trial set-up. */
        STATEMENT
    }

    public static SessionPart imports(String origin, String source) {
        return new SessionPart(Kind.IMPORT, origin, source, null, null);
    }

    public static SessionPart type(String origin, String source) {
        return new SessionPart(Kind.TYPE, origin, source, null, null);
    }

    public static SessionPart method(String origin, String source) {
        return new SessionPart(Kind.METHOD, origin, source, null, null);
    }

    public static SessionPart variable(String origin, String name, String type, String initializer) {
        return new SessionPart(Kind.VARIABLE, origin, initializer, name, type);
    }

    public static SessionPart statement(String origin, String source) {
        return new SessionPart(Kind.STATEMENT, origin, source, null, null);
    }
}
