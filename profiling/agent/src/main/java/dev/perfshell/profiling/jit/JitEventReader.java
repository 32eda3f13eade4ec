package dev.perfshell.profiling.jit;

import dev.perfshell.profiling.jit.JitEvents.Compilation;
import dev.perfshell.profiling.jit.JitEvents.Deoptimization;
import dev.perfshell.profiling.jit.JitEvents.Failure;
import dev.perfshell.profiling.jit.JitEvents.Inlining;
import dev.perfshell.profiling.jit.JitEvents.MethodRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads JFR's compiler events ({@code jdk.Compilation}, {@code jdk.CompilerInlining}, {@code jdk.Deoptimization},
 * {@code jdk.CompilerFailure}) from a recording and keeps those about the session's code: the compilations of its
 * methods, every decision and trap inside them (the JDK methods inlined into a snippet are part of the snippet's
 * compiled code), and the compilations of methods they called without inlining. The rest of the engine (its own
 * server, the timing harness, javac-free but busy) compiles too, and none of that is the snippet's.
 *
 * <p>The same events exist on JDK 17 to 25 with the same fields (25 adds {@code arenaBytes} to compilations); numbers
 * are read as {@link Number}, since their Java types differ between versions (a compile level is a short on 17).
 */
public final class JitEventReader {
    static final String COMPILATION = "jdk.Compilation";
    static final String INLINING = "jdk.CompilerInlining";
    static final String DEOPTIMIZATION = "jdk.Deoptimization";
    static final String FAILURE = "jdk.CompilerFailure";

    /** The event names a recording for %why enables. */
    public static final List<String> EVENTS = List.of(COMPILATION, INLINING, DEOPTIMIZATION, FAILURE);

    private final Predicate<RecordedClass> session;
    private final Set<String> sessionClasses = new HashSet<>();

    /** @param session whether a class is the session's (a snippet's, or one of its jars') */
    public JitEventReader(Predicate<RecordedClass> session) {
        this.session = session;
    }

    /** The session's compiler events in {@code recording}; sizes, allocation sites and limits left empty. */
    public JitEvents read(Path recording) throws IOException {
        List<RecordedEvent> compilations = new ArrayList<>();
        List<RecordedEvent> inlinings = new ArrayList<>();
        List<RecordedEvent> deoptimizations = new ArrayList<>();
        List<RecordedEvent> failures = new ArrayList<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            switch (event.getEventType().getName()) {
                case COMPILATION -> compilations.add(event);
                case INLINING -> inlinings.add(event);
                case DEOPTIMIZATION -> deoptimizations.add(event);
                case FAILURE -> failures.add(event);
                default -> {}
            }
        }
        Set<Integer> sessionCompiles = new HashSet<>();
        for (RecordedEvent c : compilations) {
            if (isSession(c.getValue("method"))) sessionCompiles.add(compileId(c));
        }
        List<Inlining> decisions = new ArrayList<>();
        Set<String> callees = new HashSet<>();
        for (RecordedEvent i : inlinings) {
            if (!sessionCompiles.contains(compileId(i))) continue;
            MethodRef callee = callee(i.getValue("callee"));
            callees.add(callee.key());
            decisions.add(new Inlining(
                    compileId(i),
                    method(i.getValue("caller")),
                    callee,
                    number(i, "bci"),
                    i.getBoolean("succeeded"),
                    i.getString("message")));
        }
        List<Compilation> compiled = new ArrayList<>();
        for (RecordedEvent c : compilations) {
            MethodRef method = method(c.getValue("method"));
            if (!sessionCompiles.contains(compileId(c)) && !callees.contains(method.key())) continue;
            compiled.add(new Compilation(
                    compileId(c),
                    method,
                    number(c, "compileLevel"),
                    c.getBoolean("isOsr"),
                    c.getBoolean(c.hasField("succeded") ? "succeded" : "succeeded"),
                    ((Number) c.getValue("codeSize")).longValue(),
                    ((Number) c.getValue("inlinedBytes")).longValue(),
                    c.getDuration().toNanos()));
        }
        List<Deoptimization> traps = new ArrayList<>();
        for (RecordedEvent d : deoptimizations) {
            RecordedMethod method = d.getValue("method");
            if (!sessionCompiles.contains(compileId(d)) && !isSession(method)) continue;
            traps.add(new Deoptimization(
                    compileId(d),
                    method(method),
                    number(d, "lineNumber"),
                    number(d, "bci"),
                    text(d, "instruction"),
                    text(d, "reason"),
                    text(d, "action")));
        }
        List<Failure> bailouts = new ArrayList<>();
        for (RecordedEvent f : failures) {
            if (sessionCompiles.contains(compileId(f)))
                bailouts.add(new Failure(compileId(f), f.getString("failureMessage")));
        }
        return new JitEvents(
                new ArrayList<>(sessionClasses), compiled, decisions, traps, bailouts, Map.of(), List.of(), Map.of());
    }

    private boolean isSession(RecordedMethod method) {
        if (method == null || !session.test(method.getType())) return false;
        sessionClasses.add(method.getType().getName());
        return true;
    }

    private static int compileId(RecordedEvent event) {
        return number(event, "compileId");
    }

    private static int number(RecordedObject event, String field) {
        Object value = event.getValue(field);
        return value instanceof Number n ? n.intValue() : -1;
    }

    /** A field as text: a string on every version so far, whatever it is read as. */
    private static String text(RecordedObject event, String field) {
        Object value = event.getValue(field);
        return String.valueOf(value);
    }

    static MethodRef method(RecordedMethod method) {
        return new MethodRef(method.getType().getName(), method.getName(), method.getDescriptor());
    }

    /** The inlining event's callee is a struct of strings, its class name in the internal (slashed) form. */
    private static MethodRef callee(RecordedObject callee) {
        return new MethodRef(
                callee.getString("type").replace('/', '.'), callee.getString("name"), callee.getString("descriptor"));
    }
}
