package dev.perfshell.repl.profile;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SourceCodeAnalysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the engine's profile (class, method, descriptor and class-file line per row) into rows users
 * read: methods by their Java names, and locations by snippet id and line ({@code #3:1(fib)}) as jshell
 * names snippets, or by source file and line for classes of the user's jars.
 */
public final class ProfileReader {
    private static final String WRAPPER_PREFIX = "REPL.$JShell$";

    private final JShell jshell;
    private final Map<String, Snippet> snippetsByWrapper = new HashMap<>();

    public ProfileReader(JShell jshell) {
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

    /**
     * @param wire       the engine's reply to PRUN_TAKE
     * @param totalNanos the statement's wall time under the probes
     * @param partial    the statement threw or was stopped
     */
    public Profile read(String source, Map<?, ?> wire, long totalNanos, boolean partial) {
        List<?> methods = (List<?>) wire.get("methods");
        List<Profile.MethodStats> rows = new ArrayList<>();
        Map<Integer, String> keys = new HashMap<>();
        for (int id = 0; id < methods.size(); id++) {
            Map<?, ?> m = (Map<?, ?>) methods.get(id);
            long calls = number(m, "calls");
            if (calls == 0) continue;
            String owner = (String) m.get("owner");
            String name = (String) m.get("name");
            String descriptor = (String) m.get("descriptor");
            boolean boundary = Boolean.TRUE.equals(m.get("boundary"));
            String key = (boundary ? "B " : "M ") + owner + "." + name + descriptor;
            keys.put(id, key);
            rows.add(new Profile.MethodStats(key, method(owner, name, descriptor, boundary),
                    location(owner, name, (int) number(m, "line"), boundary), boundary, calls, number(m, "primitiveCalls"),
                    number(m, "selfNanos"), number(m, "cumulativeNanos")));
        }
        List<Profile.CallEdge> edges = new ArrayList<>();
        for (Object item : (List<?>) wire.get("edges")) {
            Map<?, ?> e = (Map<?, ?>) item;
            String caller = keys.get((int) number(e, "caller"));
            String callee = keys.get((int) number(e, "callee"));
            if (caller == null || callee == null) continue;
            edges.add(new Profile.CallEdge(caller, callee, number(e, "calls"), number(e, "primitiveCalls"),
                    number(e, "selfNanos"), number(e, "cumulativeNanos")));
        }
        return new Profile(source, totalNanos, number(wire, "subtractedNanosPerCall"), (int) number(wire, "threads"),
                Boolean.TRUE.equals(wire.get("timed")), rows, edges, partial);
    }

    /** {@code fib(int)}, {@code Box.twice(int)}, {@code <statement>}, {@code java.util.HashMap.get(Object)}. */
    static String method(String owner, String name, String descriptor, boolean boundary) {
        String parameters = "(" + Descriptors.parameters(descriptor) + ")";
        if (boundary) return owner.replace('/', '.').replace('$', '.') + "." + name + parameters;
        if (name.equals("do_it$")) return "<statement>";
        String dotted = owner.replace('/', '.');
        if (dotted.startsWith(WRAPPER_PREFIX)) {
            String nested = nested(dotted);
            return (nested == null ? "" : nested.replace('$', '.') + ".") + name + parameters;
        }
        return dotted.replace('$', '.') + "." + name + parameters;
    }

    private String location(String owner, String name, int classLine, boolean boundary) {
        if (boundary) return "{" + owner.replace('/', '.').replace('$', '.') + "." + name + "}";
        String shown = name.equals("do_it$") ? "<statement>" : name;
        String dotted = owner.replace('/', '.');
        if (!dotted.startsWith(WRAPPER_PREFIX)) {
            String top = dotted.substring(dotted.lastIndexOf('.') + 1);
            int nested = top.indexOf('$');
            return (nested < 0 ? top : top.substring(0, nested)) + ".java:" + classLine + "(" + shown + ")";
        }
        Optional<Snippet> snippet = Optional.ofNullable(snippetsByWrapper.get(outer(dotted)));
        if (snippet.isEmpty()) return dotted + ":" + classLine + "(" + shown + ")";
        // A method typed as its own snippet starts on the snippet's first line, as cProfile names a def's line;
        // other methods (of classes, lambdas) by the first line of their body.
        boolean ownSnippet = snippet.get() instanceof jdk.jshell.MethodSnippet method && method.name().equals(name);
        int line = ownSnippet ? 1 : snippetLine(snippet.get(), classLine);
        return "#" + snippet.get().id() + ":" + line + "(" + shown + ")";
    }

    /** The snippet's own line for a line of its wrapper class, or 1 when the line is the wrapper's. */
    private int snippetLine(Snippet snippet, int classLine) {
        if (classLine < 1) return 1;
        try {
            SourceCodeAnalysis.SnippetWrapper wrapper = jshell.sourceCodeAnalysis().wrapper(snippet);
            String wrapped = wrapper.wrapped();
            int offset = 0;
            for (int line = 1; line < classLine && offset >= 0; line++) offset = wrapped.indexOf('\n', offset) + 1;
            if (offset <= 0 && classLine > 1) return 1;
            // the line's last character: its start may be wrapper boilerplate (indentation, modifiers)
            int end = wrapped.indexOf('\n', offset);
            int position = wrapper.wrappedToSourcePosition(Math.max(offset, (end < 0 ? wrapped.length() : end) - 1));
            if (position < 0) return 1;
            String source = snippet.source();
            int line = 1;
            for (int i = 0; i < Math.min(position, source.length()); i++) if (source.charAt(i) == '\n') line++;
            return line;
        } catch (RuntimeException unmapped) {
            return 1;
        }
    }

    private static String outer(String dotted) {
        String rest = dotted.substring(WRAPPER_PREFIX.length());
        int nested = rest.indexOf('$');
        return nested < 0 ? dotted : WRAPPER_PREFIX + rest.substring(0, nested);
    }

    private static String nested(String dotted) {
        String rest = dotted.substring(WRAPPER_PREFIX.length());
        int nested = rest.indexOf('$');
        return nested < 0 ? null : rest.substring(nested + 1);
    }

    private static long number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
