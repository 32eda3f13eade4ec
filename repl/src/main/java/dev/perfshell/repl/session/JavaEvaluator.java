package dev.perfshell.repl.session;

import dev.perfshell.repl.io.Console;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Evaluates Java input one snippet at a time ({@code int a = 1; int b = 2;} is two snippets:
 * JShell's eval takes exactly one) and renders each as it completes.
 */
public final class JavaEvaluator {
    private final Session session;
    private final FeedbackRenderer renderer;

    public JavaEvaluator(Session session) {
        this.session = session;
        this.renderer = new FeedbackRenderer(session.valueWidth()::get);
    }

    /** Splits input into snippets, in order; an unfinished tail is kept whole so its error shows. */
    public List<String> split(String input) {
        List<String> snippets = new ArrayList<>();
        SourceCodeAnalysis analysis = session.engine().jshell().sourceCodeAnalysis();
        String rest = input;
        while (rest != null && !rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) break;
            if (!completeness.isComplete() || info.source() == null) {
                snippets.add(rest);
                break;
            }
            snippets.add(info.source());
            rest = info.remaining();
        }
        return snippets;
    }

    /** Evaluates every snippet of the input, printing as it goes; stops at a death or Ctrl-C. */
    public Result evaluate(String input, Console console) {
        return evaluate(input, console::value, console::error);
    }

    /** Evaluates every snippet, handing feedback lines to the given sinks (e.g. to print them after %time's figures). */
    public Result evaluate(String input, Consumer<String> values, Consumer<String> errors) {
        return evaluate(input, values, errors, true);
    }

    /**
     * Evaluates every snippet as {@link #evaluate(String, Consumer, Consumer)} does, but an expression's
     * value is neither shown nor kept as {@code $N} (its side effects replay): what %prun, %lprun and
     * %mprun do with their statement, as IPython's profilers do. Declarations stay, with their feedback.
     */
    public Result evaluateDiscardingValues(String input, Consumer<String> values, Consumer<String> errors) {
        return evaluate(input, values, errors, false);
    }

    private Result evaluate(String input, Consumer<String> values, Consumer<String> errors, boolean keepValues) {
        List<EvalOutcome> outcomes = new ArrayList<>();
        boolean failed = false;
        for (String snippet : split(input)) {
            EvalOutcome outcome = session.eval(snippet);
            outcomes.add(outcome);
            FeedbackRenderer.Feedback feedback =
                    renderer.render(outcome, session.engine().jshell(), keepValues);
            if (!keepValues && session.engine().alive()) session.discardValue(outcome);
            feedback.values().forEach(values);
            feedback.errors().forEach(errors);
            failed |= feedback.failed() || outcome.engineDied();
            if (outcome.engineDied() || outcome.stopped()) break;
        }
        return new Result(outcomes, failed);
    }

    /** What happened to one input: every snippet's outcome, and whether any failed. */
    public record Result(List<EvalOutcome> outcomes, boolean failed) {
        /** Whether any snippet got as far as running (not rejected by the compiler). */
        public boolean ran() {
            return outcomes.stream()
                    .anyMatch(o ->
                            !o.events().isEmpty() && o.events().get(0).status().isActive());
        }

        /**
         * JShell was given nothing to run: the code is only a comment, or an unclosed one. JShell
         * says nothing about it, so a magic that expected to run code must (found by fuzzing).
         */
        public boolean nothingToRun() {
            return outcomes.stream().allMatch(o -> o.events().isEmpty());
        }

        /** The line a magic prints when {@link #nothingToRun()}: {@code example} is a whole input that works. */
        public static String nothingRanMessage(String magic, String example) {
            return magic + ": nothing ran: the code has no statement (only a comment?). Example: " + example;
        }

        public long nanos() {
            return outcomes.stream().mapToLong(EvalOutcome::nanos).sum();
        }
    }
}
