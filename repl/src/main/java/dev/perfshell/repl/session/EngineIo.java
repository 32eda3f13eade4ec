package dev.perfshell.repl.session;

import java.io.InputStream;
import java.io.PrintStream;

/** Where the engine's user code reads and writes: the shell's console, injected so tests can capture it. */
public record EngineIo(InputStream in, PrintStream out, PrintStream err) {}
