package dev.perfshell.repl.timeit;

import dev.perfshell.repl.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A {@code --param} sweep's generated classes, one per value, each with the parameter as a field initialised to its
 * value (never a local: a local is hoisted out of the loop). They are declared before anything runs, so that a value
 * that does not compile ends the sweep before any timing; closing drops them all. Out of the magic, which only says
 * the errors and times the classes.
 */
public final class SweepClasses implements AutoCloseable {
    private final List<TimedSnippet> classes;
    private final List<String> errors;

    private SweepClasses(List<TimedSnippet> classes, List<String> errors) {
        this.classes = classes;
        this.errors = errors;
    }

    /**
     * Declares each value's class in the sweep's order, up to the first that does not compile.
     *
     * @param classNames a fresh class name for each value
     */
    public static SweepClasses declare(
            Session session, ParamSweep sweep, String code, String setup, Supplier<String> classNames)
            throws TimedSourceBuilder.SetupTypeException {
        List<TimedSnippet> classes = new ArrayList<>();
        boolean done = false;
        try {
            for (long value : sweep.values()) {
                TimedSnippet timed = TimedSnippet.declare(
                        session, classNames.get(), code, setup, false, List.of(sweep.field(value)));
                classes.add(timed);
                if (!timed.ok()) break;
            }
            done = true;
            return new SweepClasses(
                    classes,
                    classes.isEmpty()
                            ? List.of()
                            : classes.get(classes.size() - 1).errors());
        } finally {
            if (!done) classes.forEach(TimedSnippet::close);
        }
    }

    /** The compile errors of the first value that failed, with carets; empty when every value compiled. */
    public List<String> errors() {
        return errors;
    }

    /** The class of the value at {@code index} in the sweep's order. */
    public TimedSnippet get(int index) {
        return classes.get(index);
    }

    /** Each value's class's binary name in the engine, in the sweep's order. */
    public List<String> binaryNames() {
        return classes.stream().map(TimedSnippet::binaryName).toList();
    }

    @Override
    public void close() {
        classes.forEach(TimedSnippet::close);
    }
}
