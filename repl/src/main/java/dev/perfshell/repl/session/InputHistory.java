package dev.perfshell.repl.session;

import java.util.ArrayList;
import java.util.List;

/** Every input of this session as entered: Java, magics and commands, numbered from 1. */
public final class InputHistory {
    private final List<String> inputs = new ArrayList<>();

    public void add(String input) {
        if (!input.isBlank()) inputs.add(input.strip());
    }

    public List<String> all() {
        return List.copyOf(inputs);
    }

    public void clear() {
        inputs.clear();
    }
}
