package dev.perfshell.repl.shell;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;
import org.jline.reader.Candidate;

/**
 * JShell's completion of Java that starts somewhere in the buffer (a magic's code after its options, a
 * cell's first-line code and body), as JLine candidates. JShell sees the buffer with everything before the
 * code blanked to spaces: the code keeps its offsets, so the cursor and JShell's anchor need no mapping.
 */
final class JavaCompletion {
    private JavaCompletion() {}

    /**
     * @param codeStart where the Java starts in the buffer (0: all of it)
     * @param wordStart where JLine's word at the cursor starts
     */
    static void add(
            SourceCodeAnalysis analysis,
            String buffer,
            int codeStart,
            int cursor,
            int wordStart,
            List<Candidate> candidates) {
        String code = blanked(buffer, codeStart);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(code, cursor, anchor);
        Set<String> seen = new LinkedHashSet<>();
        for (SourceCodeAnalysis.Suggestion suggestion : suggestions) {
            String continuation = suggestion.continuation();
            if (!seen.add(continuation)) continue; // overloads repeat
            boolean complete = !continuation.endsWith("(");
            Candidate candidate = WordReplacement.candidate(
                    buffer, wordStart, anchor[0], continuation, continuation, null, null, complete);
            if (candidate != null) candidates.add(candidate);
        }
    }

    /** The buffer with {@code [0, codeStart)} turned to spaces, line breaks kept. */
    static String blanked(String buffer, int codeStart) {
        StringBuilder code = new StringBuilder(buffer);
        for (int i = 0; i < codeStart; i++) {
            if (code.charAt(i) != '\n') code.setCharAt(i, ' ');
        }
        return code.toString();
    }
}
