package dev.perfshell.repl.lines;

import dev.perfshell.profiling.probe.Descriptors;
import dev.perfshell.profiling.probe.LineCounts;
import dev.perfshell.repl.session.SnippetSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import jdk.jshell.JShell;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;

/**
 * The engine's line profile (class-file lines) as users read it: each chosen method with its source lines
 * from the session (a method typed at the prompt is never lost) or from {@code --source-path} for jar
 * classes, and the hits and figures of the lines that ran.
 */
public final class LineReader {
    private final SnippetSources sources;
    private final List<Path> sourcePath;

    public LineReader(JShell jshell, List<Path> sourcePath) {
        this.sources = new SnippetSources(jshell);
        this.sourcePath = List.copyOf(sourcePath);
    }

    /** @param counts what the line probes counted, with their times or bytes (or sampled times) */
    public LineProfile read(
            LineProfile.Kind kind, String source, LineCounts counts, List<String> layoutFlags, boolean partial) {
        List<LineProfile.MethodLines> methods = new ArrayList<>();
        for (LineCounts.Method method : counts.methods()) methods.add(method(method));
        return new LineProfile(kind, source, methods, counts.perEventNanos(), layoutFlags, partial);
    }

    private LineProfile.MethodLines method(LineCounts.Method counted) {
        String owner = counted.owner().replace('/', '.');
        String name = counted.name();
        String descriptor = counted.descriptor();
        String nested = SnippetSources.isSnippetClass(owner) ? SnippetSources.nested(owner) : owner;
        String shown = (nested == null ? "" : nested.replace('$', '.') + ".") + name + "("
                + Descriptors.parameters(descriptor) + ")";
        // class-file line → its hits and figure
        TreeMap<Integer, long[]> classLines = new TreeMap<>();
        for (LineCounts.Line line : counted.lines())
            classLines.put(line.line(), new long[] {line.hits(), line.value()});
        long total = classLines.values().stream().mapToLong(v -> v[1]).sum();
        Optional<Snippet> snippet = sources.snippetOf(owner);
        if (snippet.isPresent()) return fromSnippet(shown, snippet.get(), name, classLines, total);
        return fromFile(shown, owner, classLines, total);
    }

    private LineProfile.MethodLines fromSnippet(
            String shown, Snippet snippet, String name, TreeMap<Integer, long[]> classLines, long total) {
        TreeMap<Integer, long[]> byLine = new TreeMap<>();
        classLines.forEach((classLine, figures) -> {
            int line = sources.snippetLine(snippet, classLine);
            if (line > 0) byLine.merge(line, figures.clone(), (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]});
        });
        String[] text = snippet.source().split("\n", -1);
        int first = 1;
        int last = text.length;
        boolean ownSnippet = snippet instanceof MethodSnippet m && m.name().equals(name);
        if (!ownSnippet && !byLine.isEmpty()) {
            // a method of a class snippet: from the line before its first line (its declaration) to the one after its
            // last
            first = Math.max(1, byLine.firstKey() - 1);
            last = Math.min(text.length, byLine.lastKey() + 1);
        }
        return new LineProfile.MethodLines(
                shown, "#" + snippet.id(), first, total, lines(text, first, last, byLine), true);
    }

    private LineProfile.MethodLines fromFile(
            String shown, String owner, TreeMap<Integer, long[]> classLines, long total) {
        String top = owner.contains("$") ? owner.substring(0, owner.indexOf('$')) : owner;
        String relative = top.replace('.', '/') + ".java";
        for (Path root : sourcePath) {
            Path file = root.resolve(relative);
            if (!Files.isRegularFile(file)) continue;
            try {
                String[] text = Files.readString(file).split("\n", -1);
                int first = classLines.isEmpty() ? 1 : Math.max(1, classLines.firstKey() - 1);
                int last = classLines.isEmpty()
                        ? Math.min(text.length, 1)
                        : Math.min(text.length, classLines.lastKey() + 1);
                return new LineProfile.MethodLines(
                        shown, relative, first, total, lines(text, first, last, classLines), true);
            } catch (IOException unreadable) {
                break;
            }
        }
        List<LineProfile.Line> lines = new ArrayList<>();
        classLines.forEach((line, figures) -> lines.add(new LineProfile.Line(line, figures[0], figures[1], "")));
        return new LineProfile.MethodLines(
                shown, relative, classLines.isEmpty() ? 1 : classLines.firstKey(), total, lines, false);
    }

    private static List<LineProfile.Line> lines(String[] text, int first, int last, TreeMap<Integer, long[]> figures) {
        List<LineProfile.Line> lines = new ArrayList<>();
        for (int line = first; line <= last; line++) {
            long[] f = figures.getOrDefault(line, new long[2]);
            lines.add(new LineProfile.Line(line, f[0], f[1], text[line - 1].stripTrailing()));
        }
        return lines;
    }
}
