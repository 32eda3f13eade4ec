package dev.perfshell.repl.script;

import java.util.function.Predicate;
import java.util.function.Supplier;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;

/**
 * Decides when typed or scripted lines form a complete input: Java by JShell's own analysis
 * (a method's body may span lines), a cell magic at a blank line once its body is complete
 * (Java bodies contain blank lines) or at {@code %%end}.
 */
public final class InputCompleteness {
    public static final String CELL_END = "%%end";
    private final Supplier<SourceCodeAnalysis> analysis;
    private final Predicate<String> opensCell;

    /** Every {@code %%name} opens a cell: a script's is read to its end, so its body never runs as Java. */
    public InputCompleteness(Supplier<SourceCodeAnalysis> analysis) {
        this(analysis, name -> true);
    }

    /**
     * @param opensCell whether {@code %%name} opens a cell; one that does not (a typo such as {@code %%timeitt}, a
     *                  magic without a cell form) is complete at its first line, so typed input is refused before
     *                  its body is typed
     */
    public InputCompleteness(Supplier<SourceCodeAnalysis> analysis, Predicate<String> opensCell) {
        this.analysis = analysis;
        this.opensCell = opensCell;
    }

    public boolean complete(String buffer) {
        switch (InputKind.of(buffer)) {
            case JAVA:
                return javaComplete(buffer);
            case CELL_MAGIC:
                return cellComplete(buffer);
            default:
                return true;
        }
    }

    private boolean cellComplete(String buffer) {
        if (!opensCell.test(cellName(buffer))) return true;
        int firstBreak = buffer.indexOf('\n');
        if (firstBreak < 0) return false;
        String body = buffer.substring(firstBreak + 1);
        String[] lines = body.split("\n", -1);
        String last = lines[lines.length - 1].strip();
        if (last.equals(CELL_END)) return true;
        if (!last.isEmpty()) return false;
        return body.isBlank() || javaComplete(body);
    }

    private boolean javaComplete(String buffer) {
        String rest = buffer;
        SourceCodeAnalysis sca = analysis.get();
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info;
            try {
                info = sca.analyzeCompletion(rest);
            } catch (StackOverflowError tooDeep) {
                // javac's parser recurses per nesting level (a chain of 100,000 '+'): call the input complete, so it is
                // evaluated and refused as one input instead of swallowing the rest of the script.
                return true;
            }
            Completeness completeness = info.completeness();
            if (completeness == Completeness.DEFINITELY_INCOMPLETE) return false;
            // "for (...)" without a body: jshell keeps reading, and a blank line ends it.
            if (completeness == Completeness.CONSIDERED_INCOMPLETE) return endsWithBlankLine(buffer);
            if (!completeness.isComplete() || info.remaining() == null) return true;
            rest = info.remaining();
        }
        return true;
    }

    private static boolean endsWithBlankLine(String buffer) {
        int lastBreak = buffer.lastIndexOf('\n');
        return lastBreak >= 0 && buffer.substring(lastBreak + 1).isBlank();
    }

    /** {@code timeit} of {@code %%timeit -n 5 setup}; empty for a bare {@code %%}. */
    static String cellName(String buffer) {
        String header = buffer.stripLeading().substring(2);
        int end = 0;
        while (end < header.length() && !Character.isWhitespace(header.charAt(end))) end++;
        return header.substring(0, end);
    }

    /** The body of a cell magic without its {@code %%end} line. */
    public static String cellBody(String buffer) {
        int firstBreak = buffer.indexOf('\n');
        if (firstBreak < 0) return "";
        String body = buffer.substring(firstBreak + 1).stripTrailing();
        if (body.endsWith(CELL_END)) body = body.substring(0, body.length() - CELL_END.length());
        return body.stripTrailing();
    }
}
