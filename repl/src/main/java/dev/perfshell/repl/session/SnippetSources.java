package dev.perfshell.repl.session;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

/**
 * From the engine's view of the session (class names, class-file line numbers) back to what the user
 * typed: the snippet a class belongs to ({@code REPL.$JShell$7$Box} → the snippet that declared
 * {@code Box}) and the snippet's own line for a line of its wrapper class. Built once per report.
 */
public final class SnippetSources {
    public static final String WRAPPER_PREFIX = "REPL.$JShell$";

    private final JShell jshell;
    private final Map<String, Snippet> snippetsByWrapper = new HashMap<>();

    public SnippetSources(JShell jshell) {
        this.jshell = jshell;
        SourceCodeAnalysis analysis = jshell.sourceCodeAnalysis();
        jshell.snippets().forEach(snippet -> {
            try {
                // later snippets win: a redefinition's class replaces its predecessor's
                snippetsByWrapper.put(analysis.wrapper(snippet).fullClassName(), snippet);
            } catch (RuntimeException noWrapper) {
                // a rejected snippet has no class
            }
        });
    }

    /** Whether a class (binary name, dots) is one of JShell's snippet wrappers or nested in one. */
    public static boolean isSnippetClass(String binaryName) {
        return binaryName.startsWith(WRAPPER_PREFIX);
    }

    /** The snippet whose wrapper class is, or encloses, {@code binaryName}. */
    public Optional<Snippet> snippetOf(String binaryName) {
        if (!isSnippetClass(binaryName)) return Optional.empty();
        return Optional.ofNullable(snippetsByWrapper.get(outer(binaryName)));
    }

    /** A nested class's own name ({@code Box} of {@code REPL.$JShell$7$Box}), or {@code null} for the wrapper itself. */
    public static String nested(String binaryName) {
        String rest = binaryName.substring(WRAPPER_PREFIX.length());
        int nested = rest.indexOf('$');
        return nested < 0 ? null : rest.substring(nested + 1);
    }

    private static String outer(String binaryName) {
        String rest = binaryName.substring(WRAPPER_PREFIX.length());
        int nested = rest.indexOf('$');
        return nested < 0 ? binaryName : WRAPPER_PREFIX + rest.substring(0, nested);
    }

    /** The snippet's own line (1-based) for a line of its wrapper class, or -1 when the line is the wrapper's. */
    public int snippetLine(Snippet snippet, int classLine) {
        if (classLine < 1) return -1;
        try {
            SourceCodeAnalysis.SnippetWrapper wrapper =
                    jshell.sourceCodeAnalysis().wrapper(snippet);
            String wrapped = wrapper.wrapped();
            int offset = 0;
            for (int line = 1; line < classLine && offset >= 0; line++) offset = wrapped.indexOf('\n', offset) + 1;
            if (offset <= 0 && classLine > 1) return -1;
            // the line's last character: its start may be wrapper boilerplate (indentation, modifiers)
            int end = wrapped.indexOf('\n', offset);
            int position = wrapper.wrappedToSourcePosition(Math.max(offset, (end < 0 ? wrapped.length() : end) - 1));
            if (position < 0) return -1;
            String source = snippet.source();
            int line = 1;
            for (int i = 0; i < Math.min(position, source.length()); i++) if (source.charAt(i) == '\n') line++;
            return line;
        } catch (RuntimeException unmapped) {
            return -1;
        }
    }
}
