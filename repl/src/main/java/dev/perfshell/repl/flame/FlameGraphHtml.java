package dev.perfshell.repl.flame;

import dev.perfshell.repl.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code %flame}'s flame graph: async-profiler's own HTML page (its script and styles, shipped as a resource from
 * async-profiler 4.1) filled with perfshell's folded stacks, so the graph carries the names the terminal table
 * prints ({@code fib (#3:2)}, {@code <statement>}, thread frames with {@code --threads}) and starts where the table
 * does, instead of async-profiler's raw {@code REPL/$JShell$3.fib} under the engine's own frames. Drawn here rather
 * than in the engine, it also exists when JFR sampled, and honours {@code --include}/{@code --exclude}.
 *
 * <p>The data is written in async-profiler's encoding: {@code cpool} is the sorted frame names, each stored as one
 * character {@code 32 + n} (the length of the prefix it shares with the previous name) and the rest; a frame is
 * {@code f(key, level, left, width)} with {@code key = index << 3 | colour} and {@code left} relative to the frame
 * written before it, and {@code u(key, width)} is the first child of the frame written just before.
 */
public final class FlameGraphHtml {
    private static final String TEMPLATE = "flame-template.html";
    /** async-profiler's palette: 1 compiled Java (green), 2 allocated type (aqua), 3 native (red), 4 C++ (yellow), 5 kernel (orange). */
    private static final int JAVA = 1;

    private static final int ALLOCATED = 2;
    private static final int NATIVE = 3;
    private static final int CPP = 4;
    private static final int KERNEL = 5;
    /** async-profiler caps the shared prefix so the marker stays one printable ASCII character. */
    private static final int MAX_PREFIX = 95;

    private static final java.util.regex.Pattern SLOT =
            java.util.regex.Pattern.compile("\\{\\{(TITLE|LEVELS|HEIGHT|DATA)}}");

    private FlameGraphHtml() {}

    /** Writes the page for {@code stacks} (names as {@link FrameNames} gives them) to {@code file}. */
    public static void write(FoldedStacks stacks, String title, Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null)
            Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, page(stacks, title).getBytes(StandardCharsets.UTF_8), true);
    }

    /** The whole page. */
    static String page(FoldedStacks stacks, String title) {
        Node root = new Node();
        int depth = 0;
        for (FoldedStacks.Stack stack : stacks.stacks()) {
            root.count += stack.count();
            Node node = root;
            for (String frame : stack.frames()) {
                node = node.children.computeIfAbsent(frame, k -> new Node());
                node.count += stack.count();
            }
            depth = Math.max(depth, stack.frames().size());
        }
        List<String> names = names(root);
        StringBuilder data = new StringBuilder("const cpool = [\n");
        String previous = "";
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            // the first entry is whole: unpack() decodes from index 1
            int shared = i == 0 ? 0 : Math.min(MAX_PREFIX, commonPrefix(previous, name));
            String packed = i == 0 ? name : (char) (32 + shared) + name.substring(shared);
            data.append(jsString(packed)).append(i + 1 < names.size() ? ",\n" : "\n");
            previous = name;
        }
        data.append("];\nunpack(cpool);\n\n");
        new Frames(names, data).write("all", root, 0, 0);
        int levels = Math.max(1, depth + 1);
        Map<String, String> slots = Map.of(
                "TITLE",
                htmlEscape(title),
                "LEVELS",
                Integer.toString(levels),
                "HEIGHT",
                Integer.toString(levels * 16),
                "DATA",
                data.toString());
        // one pass, so a slot's text that happens to contain another slot's marker is left alone
        return SLOT.matcher(template())
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(slots.get(m.group(1))));
    }

    /** The frames as calls, depth first, children in name order (async-profiler's order). */
    private static final class Frames {
        private final Map<String, Integer> index = new TreeMap<>();
        private final StringBuilder out;
        private long previousLeft;
        private int previousLevel = -1;

        Frames(List<String> names, StringBuilder out) {
            for (int i = 0; i < names.size(); i++) index.put(names.get(i), i);
            this.out = out;
        }

        void write(String frame, Node node, int level, long left) {
            int key = index.get(title(frame)) << 3 | colour(frame);
            if (previousLevel >= 0
                    && level == previousLevel + 1
                    && left == previousLeft) { // not the root: u() adds a level
                out.append("u(").append(key).append(',').append(node.count).append(")\n");
            } else {
                out.append("f(")
                        .append(key)
                        .append(',')
                        .append(level)
                        .append(',')
                        .append(left - previousLeft)
                        .append(',')
                        .append(node.count)
                        .append(")\n");
            }
            previousLeft = left;
            previousLevel = level;
            long childLeft = left;
            for (Map.Entry<String, Node> child : node.children.entrySet()) {
                write(child.getKey(), child.getValue(), level + 1, childLeft);
                childLeft += child.getValue().count;
            }
        }
    }

    private static final class Node {
        long count;
        final Map<String, Node> children = new TreeMap<>();
    }

    /** {@code all} first, then every frame's title once, sorted (so neighbours share prefixes). */
    private static List<String> names(Node root) {
        TreeSet<String> titles = new TreeSet<>();
        collect(root, titles);
        titles.remove("all");
        List<String> names = new ArrayList<>();
        names.add("all");
        names.addAll(titles);
        return names;
    }

    private static void collect(Node node, TreeSet<String> titles) {
        for (Map.Entry<String, Node> child : node.children.entrySet()) {
            titles.add(title(child.getKey()));
            collect(child.getValue(), titles);
        }
    }

    /** An allocated type's {@code _[i]}/{@code _[k]} mark becomes its colour, not part of its name. */
    static String title(String frame) {
        return frame.endsWith("_[i]") || frame.endsWith("_[k]") ? frame.substring(0, frame.length() - 4) : frame;
    }

    /** The colour async-profiler would give the frame, judged from its name (the folded stacks carry no types). */
    static int colour(String frame) {
        if (frame.endsWith("_[i]")) return ALLOCATED;
        if (frame.endsWith("_[k]") || frame.equals("[kernel]")) return KERNEL;
        if (frame.contains("::")) return CPP;
        if (FoldedStacks.isThread(frame)) return NATIVE;
        // <statement>, a snippet's method (fib (#3:1)) or a dotted class.method
        if (frame.equals("all")
                || frame.startsWith("<")
                || frame.matches(".+ \\(#\\d+:\\d+\\)")
                || frame.matches("[\\p{L}_$][^ ]*\\.[^ ]+")) {
            return JAVA;
        }
        return NATIVE;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) i++;
        return i;
    }

    /** A single-quoted JavaScript literal that cannot end the script element ({@code <} is escaped). */
    static String jsString(String text) {
        StringBuilder out = new StringBuilder("'");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\x3c");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        return out.append('\'').toString();
    }

    private static String htmlEscape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String template() {
        try (InputStream in = FlameGraphHtml.class.getResourceAsStream(TEMPLATE)) {
            if (in == null)
                throw new IllegalStateException("the shell's jar has no " + TEMPLATE + " (rebuild with mvn install)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
