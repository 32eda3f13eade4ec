package dev.perfshell.repl.jmh;

import dev.perfshell.repl.io.Caret;
import java.util.ArrayList;
import java.util.List;

/**
 * What a generated benchmark that does not compile tells the user: javac's first error, placed either in the user's
 * snippet (with a caret under it) or in the replayed session (with the line it is in and the replay's hint). javac
 * sees only the generated class; this maps its first error back to what the user typed, away from the magic.
 */
public final class JmhCompileErrors {
    private JmhCompileErrors() {}

    /**
     * @param errors    javac's errors, at least one
     * @param dropped   what --no-session left out of the replay, for the hint
     * @param noSession whether {@code --no-session} was given
     * @return the error lines to print, in order
     */
    public static List<String> lines(
            JmhSource source, List<JmhCompiler.Error> errors, List<SessionPart> dropped, boolean noSession) {
        List<String> lines = new ArrayList<>();
        JmhCompiler.Error first = errors.get(0);
        long start = source.codeOffset();
        long end = start + source.code().length();
        if (first.position() >= start && first.position() <= end) {
            lines.add("%jmh: the snippet does not compile: "
                    + first.message().lines().findFirst().orElse(""));
            lines.addAll(
                    Caret.under(source.code(), first.start() - start, first.position() - start, first.end() - start));
        } else {
            String line = first.position() < 0 ? "" : lineAt(source.source(), (int) first.position());
            lines.add("%jmh: the replayed session does not compile: "
                    + first.message().lines().findFirst().orElse("")
                    + (line.isEmpty() ? "" : " (in: " + line + ")") + ". "
                    + ReplayHint.of(
                            errors.stream().map(JmhCompiler.Error::message).toList(), dropped, noSession));
        }
        return lines;
    }

    private static String lineAt(String text, int position) {
        int from = text.lastIndexOf('\n', Math.max(0, position - 1)) + 1;
        int to = text.indexOf('\n', position);
        return text.substring(from, to < 0 ? text.length() : to).strip();
    }
}
