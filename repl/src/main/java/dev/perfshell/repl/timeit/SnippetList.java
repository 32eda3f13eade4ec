package dev.perfshell.repl.timeit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The snippets of a {@code %compare}: split at {@code ;;} where Java itself could not have it, that
 * is outside brackets, string, character and text-block literals and comments ({@code for (;;)}
 * keeps its {@code ;;}), or one per line of a cell. Each may start with {@code label: }.
 */
public final class SnippetList {
    /** A label is a name and a colon, then a space: {@code a ? b : c} and {@code x::y} never look like one. */
    private static final Pattern LABEL = Pattern.compile("^\\s*([A-Za-z_][\\w.-]*)\\s*:\\s+(\\S.*)$", Pattern.DOTALL);

    /** One snippet to compare: its label (given, or a letter A, B, …) and its code. */
    public record Entry(String label, String code, boolean labelled) {
        /** The label, or the code itself, as hyperfine names a command by itself. */
        public String name() {
            return labelled ? label : code;
        }
    }

    private SnippetList() {}

    /** The line form: {@code A ;; B ;; C}. */
    public static List<Entry> ofLine(String text) {
        return label(split(text));
    }

    /** A {@code %%compare} cell: the setup its first body line held (empty if none), and the snippets, one per non-blank line. */
    public record Cell(String setup, List<Entry> entries) {}

    /**
     * The cell form, whose first line may be setup, as an IPython cell would have it under the magic's line.
     * It is when it declares a variable that a later line reads and the session has not: timed as a
     * snippet of its own, its locals would be out of every other snippet's reach, so such a cell could not
     * compile read any other way. A first line whose variables no other line needs is a snippet (comparing
     * {@code int[] c = a.clone()} with {@code int[] c = Arrays.copyOf(a, a.length)} declares in both), and
     * so is a labelled one.
     *
     * @param sessionVariable whether the session has a variable of that name
     */
    public static Cell ofCell(String body, java.util.function.Predicate<String> sessionVariable) {
        List<String> lines = lines(body);
        if (lines.size() < 2 || label(lines.subList(0, 1)).get(0).labelled()) return new Cell("", label(lines));
        List<String> declared = JavaStatements.parse(lines.get(0)).stream()
                .filter(JavaStatements.Statement::declaresLocal)
                .map(JavaStatements.Statement::name)
                .filter(name -> !sessionVariable.test(name))
                .toList();
        List<String> rest = lines.subList(1, lines.size());
        boolean needed = !declared.isEmpty()
                && label(rest).stream()
                        .anyMatch(entry ->
                                JavaStatements.freeNames(entry.code()).stream().anyMatch(declared::contains));
        return needed ? new Cell(lines.get(0), label(rest)) : new Cell("", label(lines));
    }

    private static List<String> lines(String body) {
        return body.lines().filter(line -> !line.isBlank()).map(String::strip).toList();
    }

    /** The parts of {@code text} between top-level {@code ;;}, stripped, blanks kept out. */
    static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (text.startsWith("//", i)) {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                i = end < 0 ? text.length() : end + 3;
            } else if (c == '"' || c == '\'') {
                i = endOfLiteral(text, i, c);
            } else {
                if (c == '(' || c == '[' || c == '{') depth++;
                else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
                else if (c == ';' && depth == 0 && text.startsWith(";;", i)) {
                    parts.add(text.substring(from, i));
                    from = i + 2;
                    i++;
                }
                i++;
            }
        }
        parts.add(text.substring(from));
        return parts.stream().map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    /** The index after a string or character literal that starts at {@code start} (escapes honoured). */
    private static int endOfLiteral(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') i += 2;
            else if (c == quote || c == '\n') return i + 1;
            else i++;
        }
        return text.length();
    }

    private static List<Entry> label(List<String> parts) {
        List<Entry> entries = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            Matcher labelled = LABEL.matcher(parts.get(k));
            if (labelled.matches() && !isJavaKeyword(labelled.group(1))) {
                entries.add(new Entry(labelled.group(1), labelled.group(2).strip(), true));
            } else {
                entries.add(new Entry(letter(k), parts.get(k), false));
            }
        }
        return entries;
    }

    /** {@code default: …} and {@code case x: …} are Java, not labels. */
    private static boolean isJavaKeyword(String word) {
        return javax.lang.model.SourceVersion.isKeyword(word);
    }

    /** A, B, …, Z, then A1, B1, …: hyperfine names commands by themselves, but code is long. */
    static String letter(int index) {
        String letter = String.valueOf((char) ('A' + index % 26));
        return index < 26 ? letter : letter + (index / 26);
    }
}
