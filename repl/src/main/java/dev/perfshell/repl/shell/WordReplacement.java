package dev.perfshell.repl.shell;

import org.jline.reader.Candidate;

/**
 * JLine replaces the word at the cursor, delimited by whitespace (the shell's parser has no quotes), with a
 * candidate's value. A completion computed elsewhere replaces {@code buffer[from, cursor)}: after a JShell
 * anchor ({@code "abc".toUpp} from the dot), inside a quote the user opened ({@code -f "fi}). This
 * re-expresses such a replacement as a value for JLine's word.
 */
final class WordReplacement {
    private WordReplacement() {}

    /**
     * @param wordStart   where JLine's word starts in the buffer
     * @param from        where the replaced text starts in the buffer
     * @param replacement what replaces {@code buffer[from, cursor)}
     * @param complete    whether JLine may end the word with a space
     * @return the candidate, or {@code null} when the replacement does not keep the part of JLine's word
     *         before {@code from} (it would have to rewrite text JLine does not replace)
     */
    static Candidate candidate(
            String buffer,
            int wordStart,
            int from,
            String replacement,
            String display,
            String group,
            String description,
            boolean complete) {
        String value;
        if (from >= wordStart) {
            value = buffer.substring(wordStart, from) + replacement;
        } else {
            String kept = buffer.substring(from, wordStart);
            if (!replacement.startsWith(kept)) return null;
            value = replacement.substring(kept.length());
        }
        return new Candidate(value, display, group, description, null, null, complete);
    }
}
