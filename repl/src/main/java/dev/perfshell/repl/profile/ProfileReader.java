package dev.perfshell.repl.profile;

import dev.perfshell.profiling.probe.Descriptors;
import dev.perfshell.repl.session.SnippetSources;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

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
    private final SnippetSources sources;

    public ProfileReader(JShell jshell) {
        this.sources = new SnippetSources(jshell);
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
        for (Object item : methods) {
            Map<?, ?> m = (Map<?, ?>) item;
            int id = (int) number(m, "id"); // the engine sends called methods only, each with the id edges use
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
        if (SnippetSources.isSnippetClass(dotted)) {
            String nested = SnippetSources.nested(dotted);
            return (nested == null ? "" : nested.replace('$', '.') + ".") + name + parameters;
        }
        return dotted.replace('$', '.') + "." + name + parameters;
    }

    private String location(String owner, String name, int classLine, boolean boundary) {
        if (boundary) return "{" + owner.replace('/', '.').replace('$', '.') + "." + name + "}";
        String shown = name.equals("do_it$") ? "<statement>" : name;
        String dotted = owner.replace('/', '.');
        if (!SnippetSources.isSnippetClass(dotted)) {
            String top = dotted.substring(dotted.lastIndexOf('.') + 1);
            int nested = top.indexOf('$');
            return (nested < 0 ? top : top.substring(0, nested)) + ".java:" + classLine + "(" + shown + ")";
        }
        Optional<Snippet> snippet = sources.snippetOf(dotted);
        if (snippet.isEmpty()) return dotted + ":" + classLine + "(" + shown + ")";
        // A method typed as its own snippet starts on the snippet's first line, as cProfile names a def's line;
        // other methods (of classes, lambdas) by the first line of their body.
        boolean ownSnippet = snippet.get() instanceof jdk.jshell.MethodSnippet method && method.name().equals(name);
        int line = ownSnippet ? 1 : Math.max(1, sources.snippetLine(snippet.get(), classLine));
        return "#" + snippet.get().id() + ":" + line + "(" + shown + ")";
    }

    private static long number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        return value instanceof Number n ? n.longValue() : 0;
    }
}
