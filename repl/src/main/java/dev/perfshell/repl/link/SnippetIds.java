package dev.perfshell.repl.link;

import java.util.function.BiFunction;
import jdk.jshell.Snippet;

/**
 * Snippet ids as jshell users know them: startup snippets are {@code s1, s2…} and the user's
 * own count from 1, so a stack frame reads {@code at fib (#1:2)}. Hidden snippets perfshell
 * evaluates for itself take numbers too, so ids may skip (docs/shell.md says so).
 */
final class SnippetIds implements BiFunction<Snippet, Integer, String> {
    private volatile boolean startup;
    private int startupCount;
    private int userCount;

    void startup(boolean on) {
        startup = on;
    }

    @Override
    public synchronized String apply(Snippet snippet, Integer index) {
        if (startup) {
            startupCount++;
            return "s" + startupCount;
        }
        // Our own count: JShell's index is per key, so a redefinition would reuse its predecessor's id.
        userCount++;
        return String.valueOf(userCount);
    }
}
