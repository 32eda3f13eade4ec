package dev.perfshell.repl.magic;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an option whose values name what the session declares ({@code %lprun -f fib}, {@code -c Box}), so
 * Tab offers those names. picocli's own completion candidates are fixed when the magic is built; these
 * change with every snippet.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface NamesInSession {
    Kind value();

    enum Kind {
        /** A method as {@code -f} takes it: a session method's name, or {@code Class::method} of a session class. */
        METHOD,
        /** A session class's name. */
        CLASS
    }
}
