package dev.perfshell.repl.memory;

import dev.perfshell.profiling.jol.Footprint;
import dev.perfshell.profiling.memory.MemitRun;
import dev.perfshell.repl.link.EngineException;
import dev.perfshell.repl.link.EngineRequest;
import dev.perfshell.repl.session.JavaEvaluator;
import dev.perfshell.repl.session.Session;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import jdk.jshell.Snippet;

/**
 * %memit's runs of the statement, memory_profiler's repeats ({@code -r}): each run armed in the engine, the statement
 * run as typed (an expression's value held in a hidden variable, so that it is measured, not kept), and its figures
 * taken; {@code --timeout} stops it. The magic gets the runs and the last run's lines and says them; what ran and how
 * is decided here.
 */
public final class StatementRuns {
    /** The hidden variable an expression's value lives in while it is measured. */
    private static final String VALUE = "perfshell$memit";

    private final Session session;
    private final JavaEvaluator evaluator;
    private final boolean allThreads;
    private final Double timeout;

    /**
     * @param allThreads count the allocation of every engine thread, not only the statement's
     * @param timeout    seconds after which the statement is stopped, or {@code null}
     */
    public StatementRuns(Session session, JavaEvaluator evaluator, boolean allThreads, Double timeout) {
        this.session = session;
        this.evaluator = evaluator;
        this.allThreads = allThreads;
        this.timeout = timeout;
    }

    /**
     * The repeats, in order, until one fails or is stopped.
     *
     * @param runs the runs that measured something
     * @param last the last run, whatever it did, with its lines
     */
    public record Repeats(List<MemitRun> runs, Once last) {
        public Repeats {
            runs = List.copyOf(runs);
        }
    }

    /** One measured run of the statement: its figures, the value's footprint, and what it printed. */
    public static final class Once {
        private MemitRun run;
        private Footprint value;
        private boolean failed;
        private String stopped = "";
        private final List<String> values = new ArrayList<>();
        private final List<String> errors = new ArrayList<>();

        /** The engine's figures, or {@code null} when nothing ran. */
        public MemitRun run() {
            return run;
        }

        /** The deep footprint of the value ({@code --result}), or {@code null}. */
        public Footprint value() {
            return value;
        }

        public boolean failed() {
            return failed;
        }

        /** Why {@code --timeout} stopped the statement, or empty. */
        public String stopped() {
            return stopped;
        }

        /** The feedback lines of the statement as typed. */
        public List<String> values() {
            return Collections.unmodifiableList(values);
        }

        /** Its error lines (and notes). */
        public List<String> errors() {
            return Collections.unmodifiableList(errors);
        }
    }

    /**
     * Runs the code {@code repeat} times, or until a run fails or is stopped.
     *
     * @param expression whether the code is an expression ({@link #isExpression}): its value is measured, not kept
     * @param keepResult keep the last run's value for its deep size ({@code --result}), an expression's only
     */
    public Repeats repeat(String code, boolean expression, int repeat, boolean keepResult) throws EngineException {
        List<MemitRun> runs = new ArrayList<>();
        Once last = null;
        for (int i = 0; i < repeat; i++) {
            boolean keep = keepResult && expression && i == repeat - 1;
            last = once(code, expression, keep);
            if (last.run != null) runs.add(last.run);
            if (last.failed || !last.stopped.isEmpty()) break;
        }
        return new Repeats(runs, last);
    }

    private Once once(String code, boolean expression, boolean keepValue) throws EngineException {
        Once once = new Once();
        session.request(EngineRequest.memitArm(allThreads));
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledExecutorService timer = timeout != null
                ? Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "perfshell-memit-timeout");
                    thread.setDaemon(true);
                    return thread;
                })
                : null;
        if (timer != null) {
            timer.schedule(
                    () -> {
                        timedOut.set(true);
                        session.stop();
                    },
                    (long) (timeout * 1e9),
                    TimeUnit.NANOSECONDS);
        }
        try {
            boolean asTyped = !expression;
            if (expression) {
                try (HiddenValue value = HiddenValue.declare(session, VALUE, code, keepValue)) {
                    // A void call is an expression that has no value: it runs as typed, below.
                    asTyped = !value.ok() && value.errors().stream().anyMatch(line -> line.contains("void"));
                    if (!asTyped) expressionRun(session, value, keepValue, timedOut.get(), once);
                }
            }
            if (asTyped) {
                JavaEvaluator.Result evaluated = evaluator.evaluate(code, once.values::add, once.errors::add);
                once.failed = evaluated.failed() && !timedOut.get();
                if (!session.engine().alive()) return once;
                if (evaluated.ran()) {
                    once.run = take(session);
                } else {
                    session.request(EngineRequest.memitCancel());
                }
            }
        } finally {
            if (timer != null) timer.shutdownNow();
        }
        if (timedOut.get()) {
            once.errors.removeIf(line -> line.startsWith("Stopped:"));
            once.stopped = String.format(
                    Locale.ROOT,
                    "Stopped by --timeout after %s s: the figures cover the part that ran.",
                    stripZeros(timeout));
        }
        return once;
    }

    private static void expressionRun(
            Session session, HiddenValue value, boolean keepValue, boolean timedOut, Once once) throws EngineException {
        once.errors.addAll(value.errors());
        once.failed = !value.ok() && !timedOut;
        if (!session.engine().alive()) return;
        if (value.ok() || timedOut) once.run = take(session);
        else session.request(EngineRequest.memitCancel());
        if (keepValue && value.ok() && value.primitive()) {
            once.errors.add("note: --result: the value is a primitive " + value.typeName() + ", not an object");
        } else if (keepValue && value.ok()) {
            once.value = value.footprint(false);
        }
    }

    private static MemitRun take(Session session) throws EngineException {
        MemitRun run = session.request(EngineRequest.memitTake());
        return run.invocations() > 0 ? run : null;
    }

    /** A single expression that is not an assignment: its value is measured, not kept (IPython discards it too). */
    public static boolean isExpression(Session session, String code) {
        List<Snippet> snippets = session.engine().jshell().sourceCodeAnalysis().sourceToSnippets(code.strip());
        if (snippets.size() != 1) return false;
        Snippet snippet = snippets.get(0);
        if (snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) return true; // JShell's $N
        return snippet.kind() == Snippet.Kind.EXPRESSION && snippet.subKind() != Snippet.SubKind.ASSIGNMENT_SUBKIND;
    }

    private static String stripZeros(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
