package dev.perfshell.repl.session;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;

/**
 * The user's snippets in the order they were entered, with their latest status. It outlives the
 * engine (a dead JShell answers no questions), so replay, {@code /list} and {@code %history}
 * read it rather than JShell. perfshell's own hidden snippets never enter it.
 */
public final class SnippetLog {
    private final List<Entry> entries = new ArrayList<>();
    private final Map<Snippet, Entry> bySnippet = new IdentityHashMap<>();

    /** A user snippet: its source as typed, what JShell made of it, and whether it is still active. */
    public static final class Entry {
        private final Snippet snippet;
        private final String source;
        private Snippet.Status status;
        private boolean replayable = true;
        private boolean valueDiscarded;

        Entry(Snippet snippet, String source, Snippet.Status status) {
            this.snippet = snippet;
            this.source = source;
            this.status = status;
        }

        public Snippet snippet() {
            return snippet;
        }

        public String source() {
            return source;
        }

        public Snippet.Status status() {
            return status;
        }

        public boolean active() {
            return status.isActive();
        }

        /** Active (or an expression whose value was discarded), and safe to run again: not the snippet that killed the engine or was stopped. */
        public boolean replayable() {
            return replayable && (active() || valueDiscarded);
        }

        /**
         * An expression a profiler ran: its {@code $N} variable was dropped, its side effects stay. It
         * replays as {@link #discardingStatement()}.
         */
        public boolean valueDiscarded() {
            return valueDiscarded;
        }

        /** The expression as a statement that computes and forgets its value (no {@code $N}). */
        public String discardingStatement() {
            return "{ var perfshell$discarded = " + expression() + "; }";
        }

        /** The source without its surrounding blanks and final semicolon: an expression snippet as an expression. */
        String expression() {
            String trimmed = source.strip();
            return trimmed.endsWith(";") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        }
    }

    /** Records the events of one user eval: its own snippet and any others it updated. */
    public void record(String source, List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            Entry known = bySnippet.get(event.snippet());
            if (known != null) {
                known.status = event.status();
            } else if (event.causeSnippet() == null) {
                Entry entry = new Entry(
                        event.snippet(),
                        event.snippet().source() == null
                                ? source
                                : event.snippet().source(),
                        event.status());
                entries.add(entry);
                bySnippet.put(event.snippet(), entry);
            }
        }
    }

    /**
     * Keeps a snippet out of replay: it killed the engine, was stopped with Ctrl-C, or threw
     * (replaying it would exit, hang or throw again). It still shows in the history.
     */
    public void excludeFromReplay(List<SnippetEvent> events) {
        for (SnippetEvent event : events) {
            Entry entry = bySnippet.get(event.snippet());
            if (entry != null && event.causeSnippet() == null) entry.replayable = false;
        }
    }

    /** Marks snippets dropped with {@code /drop}. */
    public void dropped(Snippet snippet) {
        Entry entry = bySnippet.get(snippet);
        if (entry != null) entry.status = Snippet.Status.DROPPED;
    }

    /**
     * Marks an expression's {@code $N} variable as dropped by perfshell: the value is gone, the
     * expression still replays (as a statement) for its side effects.
     */
    public void valueDiscarded(Snippet snippet) {
        Entry entry = bySnippet.get(snippet);
        if (entry == null) return;
        entry.status = Snippet.Status.DROPPED;
        entry.valueDiscarded = true;
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<Entry> active() {
        return entries.stream().filter(Entry::active).toList();
    }

    public List<Entry> replayable() {
        return entries.stream().filter(Entry::replayable).toList();
    }

    public void clear() {
        entries.clear();
        bySnippet.clear();
    }
}
