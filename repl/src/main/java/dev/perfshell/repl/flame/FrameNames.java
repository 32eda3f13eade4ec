package dev.perfshell.repl.flame;

import dev.perfshell.repl.session.SnippetSources;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.MethodSnippet;
import jdk.jshell.Snippet;

/**
 * Turns the engine's frames into what the user typed, as %prun names its rows: {@code REPL/$JShell$3.fib} becomes
 * {@code fib (#3:1)}, {@code REPL/$JShell$7$Box.twice} {@code Box.twice (#7:2)}, the generated statement
 * {@code <statement>}, and JDK frames use dots ({@code java.util.ArrayList.add}). The engine's own frames below the
 * timed loop (thread start, the JShell agent, the loop itself) are cut off, so every stack starts at the statement.
 */
public final class FrameNames {
    /** The timed loop's method: frames up to and including it are the harness. */
    private static final String LOOP = "perfshell$loop";

    private static final String KERNEL = "[kernel]";
    private static final Pattern HIDDEN_CLASS_SUFFIX = Pattern.compile("\\.0x[0-9a-fA-F]+");

    private final Function<String, Optional<Snippet>> snippets;

    /** @param snippets the snippet whose wrapper is, or encloses, a class (binary name with dots) */
    public FrameNames(Function<String, Optional<Snippet>> snippets) {
        this.snippets = snippets;
    }

    public static FrameNames of(SnippetSources sources) {
        return new FrameNames(sources::snippetOf);
    }

    /**
     * The stacks renamed, their harness cut off; stacks of the statement's thread that never reached the statement
     * (the profiler starting or stopping) are dropped. With {@code --threads} each stack keeps its thread frame as
     * its root, and the stacks of other threads (the statement's workers, the JIT, the GC) are kept whole. Stacks that become equal are merged. Outside allocation profiles, a run of kernel
     * frames (async-profiler's {@code _[k]}: an interrupt, a page fault) becomes one {@code [kernel]} frame: their
     * names say nothing about the user's code and would crowd the table.
     *
     * @param allocation allocation stacks, where {@code _[k]} marks an allocated type instead
     */
    public FoldedStacks rename(FoldedStacks raw, boolean allocation) {
        // With --threads every stack starts at its thread's frame, and other threads never reach the loop: their
        // stacks are kept whole, while the statement's thread keeps only the stacks of the statement.
        java.util.Set<String> statementThreads = new java.util.HashSet<>();
        for (FoldedStacks.Stack stack : raw.stacks()) {
            if (thread(stack.frames()) != null && loopIndex(stack.frames()) >= 0)
                statementThreads.add(stack.frames().get(0));
        }
        java.util.Map<List<String>, Long> merged = new java.util.LinkedHashMap<>();
        for (FoldedStacks.Stack stack : raw.stacks()) {
            List<String> frames = stack.frames();
            String thread = thread(frames);
            int loop = loopIndex(frames);
            List<String> named = new ArrayList<>();
            if (thread != null) named.add(thread);
            int from;
            if (loop >= 0) {
                // a sample in the loop itself, or in the VM on its behalf (the interpreter, a compilation trigger), is
                // the statement's too: every stack of the statement starts at <statement>
                boolean payload =
                        loop + 1 < frames.size() && frames.get(loop + 1).endsWith(".perfshell$payload");
                if (!payload) named.add("<statement>");
                from = loop + 1;
            } else {
                if (thread == null || statementThreads.contains(thread))
                    continue; // the harness, before or after the runs
                from = 1;
            }
            for (String frame : frames.subList(from, frames.size())) {
                boolean kernel = !allocation && frame.endsWith("_[k]");
                if (kernel && !named.isEmpty() && named.get(named.size() - 1).equals(KERNEL)) continue;
                named.add(kernel ? KERNEL : name(frame));
            }
            merged.merge(named, stack.count(), Long::sum);
        }
        List<FoldedStacks.Stack> stacks = new ArrayList<>();
        merged.forEach((frames, count) -> stacks.add(new FoldedStacks.Stack(frames, count)));
        return new FoldedStacks(stacks);
    }

    /** The thread frame a --threads stack starts with, or {@code null}. */
    private static String thread(List<String> frames) {
        return !frames.isEmpty() && FoldedStacks.isThread(frames.get(0)) ? frames.get(0) : null;
    }

    /** Where the timed loop is on the stack (searched from the leaf), or -1. */
    private static int loopIndex(List<String> frames) {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (frames.get(i).endsWith("." + LOOP)) return i;
        }
        return -1;
    }

    /** One frame's name for people. Frames that are not {@code class.method} (native, kernel, types) stay as they are. */
    public String name(String frame) {
        String plain = HIDDEN_CLASS_SUFFIX.matcher(frame).replaceAll("");
        int dot = plain.lastIndexOf('.');
        if (dot <= 0 || plain.endsWith("]")) return plain;
        String owner = plain.substring(0, dot).replace('/', '.');
        String method = plain.substring(dot + 1);
        if (method.equals("perfshell$payload")) return "<statement>";
        if (method.equals("perfshell$setup")) return "<setup>";
        if (!SnippetSources.isSnippetClass(owner)) return owner.replace('$', '.') + "." + method;
        String nested = SnippetSources.nested(owner);
        if (nested != null && nested.startsWith("$Lambda")) nested = "lambda"; // a lambda's generated class
        String shown = (nested == null ? "" : nested.replace('$', '.') + ".") + method;
        Optional<Snippet> snippet = snippets.apply(owner);
        if (snippet.isEmpty()) return shown;
        return shown + " (#" + snippet.get().id() + ":" + line(snippet.get(), method) + ")";
    }

    /**
     * The line the method is declared on, within its snippet: 1 for a method typed as its own snippet (as %prun
     * says), else the first line that declares {@code method(}. Samples carry no line here (async-profiler's
     * collapsed output is per method unless asked for lines, which would split every method's box by line).
     */
    static int line(Snippet snippet, String method) {
        if (snippet instanceof MethodSnippet m && m.name().equals(method)) return 1;
        Matcher m = Pattern.compile("\\b" + Pattern.quote(method) + "\\s*\\(").matcher(snippet.source());
        if (!m.find()) return 1;
        String before = snippet.source().substring(0, m.start());
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }
}
