package dev.perfshell.repl.session;

import java.util.ArrayList;
import java.util.List;

/**
 * Every input of this session as entered: Java, magics and commands, numbered from 1. Inputs that ran
 * inside a script ({@code %run}, {@code /open}) are not here; the line that ran the script is. Each entry
 * knows whether it failed, so {@code %save} can write a script that runs.
 */
public final class InputHistory {
    /** One input as entered (stripped), and whether it failed. */
    public record Entry(String text, boolean failed) {}

    private final List<Entry> inputs = new ArrayList<>();

    /** @return the input's number (from 1), or 0 for a blank input, which is not kept */
    public synchronized int add(String input) {
        if (input.isBlank()) return 0;
        inputs.add(new Entry(input.strip(), false));
        return inputs.size();
    }

    /** Marks input {@code number} (from {@link #add}) as failed. */
    public synchronized void failed(int number) {
        if (number < 1 || number > inputs.size()) return;
        Entry entry = inputs.get(number - 1);
        inputs.set(number - 1, new Entry(entry.text(), true));
    }

    public synchronized List<String> all() {
        return inputs.stream().map(Entry::text).toList();
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(inputs);
    }

    public synchronized void clear() {
        inputs.clear();
    }
}
